/**
 * The demo order generator: deterministic for a given seed and end instant. Orders arrive with call
 * peaks at 9–11 and 14–16, fewer at weekends, heating complaints November–March and leaks in July–August.
 * Each order's lifecycle (accept → assign → contact → reply → callback, objections, extensions,
 * 二次办理, duplicates) is consistent with its age and deadlines, with recent rates of about 95–97%.
 */
import { beijingParts, DAY_MS, formatBeijing, fromBeijing } from '../../../preload/contract/time.js';
import type { Tier } from '../../../preload/contract/enums.js';
import { composeAddress, composeContent, composeReply } from './content.js';
import { Random } from './random.js';
import { COMMUNITIES, COMMUNITY_DUTIES, DEPARTMENTS, GIVEN, SURNAMES } from './street.js';
import { LEAVES, type LeafCategory } from './taxonomy.js';
import { CONTACT_SUMMARIES } from './phrases.js';

export type DeadlineFn = (startMs: number, tier: Tier) => { firstContactDueAt: number; handleDueAt: number; calendarMissing: boolean };
export type ExtendFn = (dueMs: number, workingDays: number) => number;

export interface GenerateOptions {
  seed: number;
  /** The instant "now" for the demo: no order is received after it. */
  until: number;
  days: number;
  /** Total orders; default ~35 a day. */
  orders?: number;
  deadlines: DeadlineFn;
  extend: ExtendFn;
  /** Unit ids by name (communities and departments), as inserted. */
  unitIds: ReadonlyMap<string, number>;
  /** The id the first generated order will get. */
  firstOrderId: number;
}

export interface GenUnit { unit_id: number; role: 'lead' | 'assist'; assigned_at: number }
export interface GenContact { at: number; method: string; summary: string }
export interface GenCallback { at: number; valid: number; contacted: number; resolution: string; satisfaction: string; note: string | null }
export interface GenEvent { at: number; kind: string; summary: string; before_json: string | null; after_json: string | null }
export interface GenExtension { requested_at: number; reason: string; requested_due_at: number; status: string; decided_at: number | null; decision_note: string | null }
export interface GenObjection { raised_at: number; reason: string; evidence: string; status: string; decided_at: number | null; outcome_note: string | null }

export interface GenOrder {
  id: number;
  order: {
    order_no: string; received_at: number; dispatched_at: number; accepted_at: number | null; source: string; appeal_type: string;
    category: string; content: string; citizen_name: string | null; citizen_phone: string | null; address: string; residential_area: string;
    community_id: number | null; status: string; tier: string; first_contact_due_at: number; handle_due_at: number; due_source: string;
    calendar_missing: number; first_contact_at: number | null; replied_at: number | null; reply_result: string | null; reply_text: string | null;
    closed_at: number | null; difficult: number; difficult_reason: string | null; supervised: number; duplicate_of: number | null;
    first_time_resolved: number | null; reopen_count: number; created_at: number; updated_at: number; version: number;
  };
  units: GenUnit[];
  contacts: GenContact[];
  callbacks: GenCallback[];
  events: GenEvent[];
  tags: string[];
  extensions: GenExtension[];
  objections: GenObjection[];
}

const HOUR_WEIGHTS = [0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 0.8, 2, 4, 7.5, 8, 7, 4, 4.5, 7, 7.5, 7, 5, 4, 3.5, 3, 2.2, 1.2, 0.5];
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
const SOURCES = ['hotline', 'online', 'leader_mailbox', 'proactive', 'other'];
const SOURCE_WEIGHTS = [80, 12, 2, 3, 3];
const APPEALS = ['complaint', 'help', 'consult', 'report', 'suggest', 'praise', 'other'];
const APPEAL_WEIGHTS = [35, 30, 12, 8, 10, 1, 4];
const HOUR = 3600_000;
const COMMUNITY_WEIGHTS = COMMUNITIES.map((_, i) => 3 + ((i * 7) % 5));
const ROADS = COMMUNITIES.map((c) => c.road);
const STATUS_JSON = (s: string) => `{"status":"${s}"}`;

function inHeatingSeason(month: number, day: number): boolean {
  return month >= 12 || month <= 2 || (month === 11 && day >= 10) || (month === 3 && day <= 20);
}

function seasonFactor(leaf: LeafCategory, month: number, day: number): number {
  if (leaf.season === 'heating') return inHeatingSeason(month, day) ? 10 : 0.05;
  if (leaf.season === 'summer') return month === 7 || month === 8 ? 3.5 : month === 6 || month === 9 ? 1.5 : 0.6;
  return 1;
}

function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : '');
}

function phone(rng: Random): string {
  if (rng.chance(0.1)) return `010${rng.int(60000000, 89999999)}`;
  return `1${rng.pick(['3', '5', '8', '9', '7'])}${String(rng.int(0, 999999999)).padStart(9, '0')}`;
}

/** Orders per day: weekday/weekend rhythm and the heating-season surge, scaled to the total wanted. */
function dailyCounts(rng: Random, firstDay: number, days: number, total: number): number[] {
  const weights: number[] = [];
  for (let d = 0; d < days; d++) {
    const p = beijingParts(firstDay + d * DAY_MS);
    const weekend = p.weekday === 0 || p.weekday === 6 ? 0.72 : 1.08;
    const season = inHeatingSeason(p.month, p.day) ? 1.35 : p.month === 7 || p.month === 8 ? 1.15 : 1;
    weights.push(weekend * season * Math.max(0.4, rng.normal(1, 0.15)));
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts: number[] = [];
  let acc = 0;
  let assigned = 0;
  for (const w of weights) {
    acc += w;
    const upto = Math.round((acc / sum) * total);
    counts.push(upto - assigned);
    assigned = upto;
  }
  return counts;
}

export function* generateOrders(o: GenerateOptions): Generator<GenOrder> {
  const rng = new Random(o.seed);
  const end = beijingParts(o.until);
  const lastDayStart = fromBeijing(end.year, end.month, end.day);
  const firstDay = lastDayStart - (o.days - 1) * DAY_MS;
  const total = o.orders ?? Math.round(o.days * 35);
  const counts = dailyCounts(rng, firstDay, o.days, total);
  const communityIds = COMMUNITIES.map((c) => o.unitIds.get(c.name)!);
  const deptByTop = new Map<string, number[]>();
  for (const d of DEPARTMENTS) for (const top of d.duties) deptByTop.set(top, [...(deptByTop.get(top) ?? []), o.unitIds.get(d.name)!]);
  const deptNameById = new Map(DEPARTMENTS.map((d) => [o.unitIds.get(d.name)!, d.name]));
  const recentByPlace = new Map<string, { id: number; at: number }>();
  let id = o.firstOrderId;
  let seq = 0;

  for (let d = 0; d < o.days; d++) {
    const dayStart = firstDay + d * DAY_MS;
    const p = beijingParts(dayStart);
    const leafWeights = LEAVES.map((l) => l.weight * seasonFactor(l, p.month, p.day));
    const leafTotal = leafWeights.reduce((a, b) => a + b, 0);
    const times: number[] = [];
    for (let k = 0; k < counts[d]!; k++) {
      const hour = rng.weighted(HOUR_WEIGHTS, HOUR_TOTAL);
      const t = dayStart + hour * HOUR + rng.int(0, HOUR - 1000);
      // The last day ends at `until`: its orders fall before it, so the total stays exact.
      times.push(t <= o.until ? t : dayStart + Math.floor(rng.next() * (o.until - dayStart)));
    }
    times.sort((a, b) => a - b);
    let daySeq = 0;
    for (const receivedAt of times) {
      daySeq++;
      seq++;
      const leaf = LEAVES[rng.weighted(leafWeights, leafTotal)]!;
      const ci = rng.weighted(COMMUNITY_WEIGHTS);
      const community = COMMUNITIES[ci]!;
      const source = SOURCES[rng.weighted(SOURCE_WEIGHTS)]!;
      const appealType = source === 'proactive' ? 'complaint' : APPEALS[rng.weighted(APPEAL_WEIGHTS)]!;
      const tier: Tier = leaf.tier === 'urgent' ? (rng.chance(0.6) ? 'urgent' : 'general') : leaf.tier ?? (rng.chance(0.015) ? 'urgent' : 'general');
      // Nothing happens after `until`: the newest orders are dispatched at the latest then.
      const dispatchedAt = Math.min(receivedAt + rng.int(5, 90) * 60_000, o.until);
      const dl = o.deadlines(dispatchedAt, tier);
      const { area, address } = composeAddress(rng, community, leaf, ROADS);
      const confidential = rng.chance(0.08);
      const orderNo = `${p.year % 100}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}${String(daySeq).padStart(4, '0')}${String(seq % 100).padStart(2, '0')}`;
      const proactive = source === 'proactive';
      const g: GenOrder = {
        id,
        order: {
          order_no: orderNo,
          received_at: receivedAt,
          dispatched_at: dispatchedAt,
          accepted_at: null,
          source,
          appeal_type: appealType,
          category: leaf.path.join('/'),
          content: composeContent(rng, leaf, address, proactive),
          citizen_name: proactive ? null : confidential ? '保密' : personName(rng),
          citizen_phone: proactive ? null : confidential ? '保密' : phone(rng),
          address,
          residential_area: area,
          community_id: communityIds[ci]!,
          status: 'received',
          tier,
          first_contact_due_at: dl.firstContactDueAt,
          handle_due_at: dl.handleDueAt,
          due_source: 'tier',
          calendar_missing: dl.calendarMissing ? 1 : 0,
          first_contact_at: null,
          replied_at: null,
          reply_result: null,
          reply_text: null,
          closed_at: null,
          difficult: 0,
          difficult_reason: null,
          supervised: rng.chance(0.01) ? 1 : 0,
          duplicate_of: null,
          first_time_resolved: null,
          reopen_count: 0,
          created_at: dispatchedAt,
          updated_at: dispatchedAt,
          version: 1,
        },
        units: [],
        contacts: [],
        callbacks: [],
        events: [{ at: dispatchedAt, kind: 'imported', summary: '12345平台派单，工单导入', before_json: null, after_json: STATUS_JSON('received') }],
        tags: [],
        extensions: [],
        objections: [],
      };
      const ord = g.order;
      const placeKey = `${area}|${ord.category}`;
      const prev = recentByPlace.get(placeKey);
      if (prev && receivedAt - prev.at < 7 * DAY_MS && rng.chance(0.35)) {
        ord.duplicate_of = prev.id;
        g.events.push({ at: Math.min(dispatchedAt + 60_000, o.until), kind: 'duplicate_linked', summary: `关联为重复件（主工单内部编号 ${prev.id}）`, before_json: null, after_json: `{"duplicateOf":${prev.id}}` });
      } else {
        recentByPlace.set(placeKey, { id, at: receivedAt });
      }
      if ((leaf.path[0] === '供暖' && inHeatingSeason(p.month, p.day)) || (leaf.path[0] === '物业管理' && p.month >= 4 && p.month <= 10)) {
        if (rng.chance(0.3)) g.tags.push('monthly-topic');
      }
      if (leaf.tier === 'complex' && rng.chance(0.04)) {
        ord.difficult = 1;
        ord.difficult_reason = '涉及产权不清、资金来源等客观原因，短期内无法解决，已上报区级部门协调';
      }
      lifecycle(rng, g, o, leaf, community.name, area, deptByTop, deptNameById);
      if (ord.status !== 'received' || rng.chance(0.6)) {
        // community is known for nearly every handled order; fresh ones may still lack it.
      } else {
        ord.community_id = null;
      }
      id++;
      yield g;
    }
  }
}

function lifecycle(
  rng: Random,
  g: GenOrder,
  o: GenerateOptions,
  leaf: LeafCategory,
  communityName: string,
  area: string,
  deptByTop: Map<string, number[]>,
  deptNameById: Map<number, string>,
): void {
  const ord = g.order;
  const now = o.until;
  const acceptedAt = ord.dispatched_at + rng.int(3, 55) * 60_000;
  if (acceptedAt > now) return;
  ord.accepted_at = acceptedAt;
  ord.status = 'in_progress';
  g.events.push({ at: acceptedAt, kind: 'accepted', summary: '签收工单', before_json: STATUS_JSON('received'), after_json: STATUS_JSON('in_progress') });

  // 派单异议: about 1.5% are disputed; the district upholds some (the order goes back) and rejects the rest.
  if (rng.chance(0.015)) {
    const raisedAt = acceptedAt + rng.int(10, 180) * 60_000;
    if (raisedAt > now) return;
    const decidedAt = raisedAt + rng.int(4, 48) * HOUR;
    const decided = decidedAt <= now;
    const upheld = rng.chance(0.6);
    g.objections.push({
      raised_at: raisedAt,
      reason: '经核实，问题点位不在本街道辖区范围内',
      evidence: '附辖区边界图及现场照片',
      status: decided ? (upheld ? 'upheld' : 'rejected') : 'pending',
      decided_at: decided ? decidedAt : null,
      outcome_note: decided ? (upheld ? '区接诉即办中心审核同意退回' : '经审核，该点位属本街道管辖，异议不予通过') : null,
    });
    ord.status = 'objecting';
    g.events.push({ at: raisedAt, kind: 'objection_raised', summary: '提出派单异议', before_json: STATUS_JSON('in_progress'), after_json: STATUS_JSON('objecting') });
    if (!decided) return;
    if (upheld) {
      ord.status = 'returned';
      ord.closed_at = decidedAt;
      g.events.push({ at: decidedAt, kind: 'objection_upheld', summary: '区级审核同意异议，工单已退回', before_json: STATUS_JSON('objecting'), after_json: STATUS_JSON('returned') });
      return;
    }
    ord.status = 'in_progress';
    g.events.push({ at: decidedAt, kind: 'objection_rejected', summary: '区级审核驳回异议，继续办理', before_json: STATUS_JSON('objecting'), after_json: STATUS_JSON('in_progress') });
  }

  // Assignment: a community leads matters inside its residential areas, a department the rest.
  const top = leaf.path[0];
  const communityMay = COMMUNITY_DUTIES.some((d) => ord.category.startsWith(d));
  const depts = deptByTop.get(top) ?? [...deptNameById.keys()];
  const leadId = communityMay && rng.chance(0.65) ? ord.community_id! : rng.pick(depts);
  const assignedAt = acceptedAt + rng.int(1, 30) * 60_000;
  if (assignedAt > now) return;
  g.units.push({ unit_id: leadId, role: 'lead', assigned_at: assignedAt });
  if (rng.chance(0.22)) {
    const assist = leadId === ord.community_id ? rng.pick(depts) : ord.community_id!;
    if (assist !== leadId) g.units.push({ unit_id: assist, role: 'assist', assigned_at: assignedAt });
  }
  const leadName = deptNameById.get(leadId) ?? communityName;
  g.events.push({ at: assignedAt, kind: 'assigned', summary: `派给${leadName}主办`, before_json: null, after_json: `{"lead":${leadId}}` });

  // First contact: ~97% within its deadline.
  const window = ord.first_contact_due_at - ord.dispatched_at;
  const contactAt = rng.chance(0.97)
    ? Math.min(ord.first_contact_due_at - 60_000, assignedAt + Math.floor(rng.next() * rng.next() * window * 0.8))
    : ord.first_contact_due_at + rng.int(1, 20) * HOUR;
  if (contactAt > now) return;
  const firstContact = Math.max(contactAt, assignedAt + 60_000);
  if (firstContact > now) return;
  ord.first_contact_at = firstContact;
  g.contacts.push({ at: firstContact, method: rng.chance(0.85) ? 'phone' : rng.chance(0.5) ? 'visit' : 'sms', summary: rng.pick(CONTACT_SUMMARIES) });
  g.events.push({ at: firstContact, kind: 'contacted', summary: '首次联系诉求人', before_json: null, after_json: `{"firstContactAt":${firstContact}}` });

  // Extension (延期) on some complex orders: approved, the handle deadline moves.
  if (ord.tier === 'complex' && rng.chance(0.12)) {
    const requestedAt = firstContact + rng.int(1, 5) * DAY_MS;
    if (requestedAt <= now) {
      const newDue = o.extend(ord.handle_due_at, 10);
      const decidedAt = requestedAt + rng.int(2, 30) * HOUR;
      const approved = decidedAt <= now;
      g.extensions.push({
        requested_at: requestedAt,
        reason: '需协调产权单位和施工队伍，已告知诉求人预计办理时间',
        requested_due_at: newDue,
        status: approved ? 'approved' : 'pending',
        decided_at: approved ? decidedAt : null,
        decision_note: approved ? '同意延期' : null,
      });
      if (approved) {
        g.events.push({ at: decidedAt, kind: 'extension_approved', summary: '延期申请已批准', before_json: `{"handleDueAt":${ord.handle_due_at}}`, after_json: `{"handleDueAt":${newDue}}` });
        ord.handle_due_at = newDue;
        ord.due_source = 'extension';
      }
    }
  }

  // Reply (办结): ~96% before the handle deadline.
  const span = ord.handle_due_at - firstContact;
  const replyAt = rng.chance(0.96)
    ? firstContact + Math.floor(span * (0.15 + 0.8 * rng.next() * rng.next()))
    : ord.handle_due_at + rng.int(2, 72) * HOUR;
  if (replyAt > now) return;
  const unitName = leadName;
  const result = rng.chance(0.97) ? 'resolved' : rng.chance(0.5) ? 'partial' : rng.chance(0.5) ? 'unresolved' : 'untrue';
  reply(g, replyAt, result, composeReply(rng, { community: communityName, unit: unitName, area, date: formatBeijing(replyAt).slice(0, 10) }));

  // Callback (回访) by the hotline one to three days later.
  const cbAt = replyAt + rng.int(20, 72) * HOUR;
  if (cbAt > now) return;
  const cb = callback(rng, cbAt, result);
  g.callbacks.push(cb);
  ord.status = 'callback_done';
  ord.closed_at = cbAt;
  g.events.push({ at: cbAt, kind: 'callback_recorded', summary: '记录回访结果', before_json: STATUS_JSON('replied'), after_json: STATUS_JSON('callback_done') });
  const unhappy = cb.valid === 1 && (cb.satisfaction === 'unsatisfied' || cb.resolution === 'unresolved');
  ord.first_time_resolved = unhappy ? 0 : 1;
  if (!unhappy || !rng.chance(0.6)) return;

  // 二次办理: reopened after an unsatisfied or unresolved callback.
  const reopenAt = cbAt + rng.int(1, 8) * HOUR;
  if (reopenAt > now) return;
  ord.status = 'in_progress';
  ord.reopen_count = 1;
  ord.closed_at = null;
  g.events.push({ at: reopenAt, kind: 'reopened', summary: '回访不满意，二次办理', before_json: STATUS_JSON('callback_done'), after_json: STATUS_JSON('in_progress') });
  const reply2 = reopenAt + rng.int(1, 4) * DAY_MS;
  if (reply2 > now) return;
  reply(g, reply2, 'resolved', `二次办理：${composeReply(rng, { community: communityName, unit: unitName, area, date: formatBeijing(reply2).slice(0, 10) })}`);
  const cb2At = reply2 + rng.int(20, 72) * HOUR;
  if (cb2At > now) return;
  g.callbacks.push(callback(rng, cb2At, 'resolved'));
  ord.status = 'callback_done';
  ord.closed_at = cb2At;
  g.events.push({ at: cb2At, kind: 'callback_recorded', summary: '记录二次办理回访结果', before_json: STATUS_JSON('replied'), after_json: STATUS_JSON('callback_done') });
}

function reply(g: GenOrder, at: number, result: string, text: string): void {
  const ord = g.order;
  ord.replied_at = at;
  ord.reply_result = result;
  ord.reply_text = text;
  ord.updated_at = at;
  ord.version++;
  const before = ord.status;
  ord.status = 'replied';
  g.events.push({ at, kind: 'replied', summary: '办结并反馈', before_json: STATUS_JSON(before), after_json: STATUS_JSON('replied') });
}

function callback(rng: Random, at: number, replyResult: string): GenCallback {
  const valid = rng.chance(0.97) ? 1 : 0;
  const contacted = rng.chance(0.975) ? 1 : 0;
  const good = replyResult === 'resolved';
  const resolution = good ? (rng.chance(0.99) ? 'resolved' : rng.chance(0.5) ? 'partial' : 'unresolved') : rng.chance(0.4) ? 'partial' : 'unresolved';
  const r = rng.next();
  const satisfaction = resolution === 'resolved'
    ? r < 0.965 ? 'satisfied' : r < 0.985 ? 'basic' : r < 0.995 ? 'unsatisfied' : 'none'
    : r < 0.3 ? 'basic' : r < 0.85 ? 'unsatisfied' : 'none';
  return { at, valid, contacted, resolution, satisfaction, note: valid ? null : '回访未接通' };
}
