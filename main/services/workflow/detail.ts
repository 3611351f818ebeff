/**
 * The workflow's part of the order detail: assignment with handler names, side-road records, flags,
 * tags, duplicates, deadline bands, the timeline and the actions allowed now.
 */
import type { OrderRow } from '../../../db/schema.js';
import type { OrderDetail } from '../../../preload/api.js';
import type { CallbackResolution, ContactMethod, OrderStatus, Satisfaction } from '../../../preload/contract/enums.js';
import { deadlineBand } from '../deadlines/index.js';
import { listTimeline, type Db } from '../events.js';
import { loadOrderState } from './command.js';
import { readWorkflowSettings } from './settings.js';
import { allowedActions } from './transitions.js';

type WorkflowDetail = Omit<
  OrderDetail,
  | 'id' | 'orderNo' | 'receivedAt' | 'appealType' | 'category' | 'communityId' | 'communityName' | 'status' | 'tier' | 'handleDueAt'
  | 'version' | 'dispatchedAt' | 'source' | 'content' | 'citizenName' | 'citizenPhoneMasked' | 'address' | 'residentialArea'
  | 'firstContactDueAt' | 'firstContactAt' | 'repliedAt' | 'replyText' | 'leadUnit' | 'assistUnits'
>;

/** When the handling counts as done for the 办理 band: the reply while it stands, or the return. */
function handleDoneAt(o: OrderRow): number | null {
  if (o.status === 'replied' || o.status === 'callback_done') return o.replied_at;
  if (o.status === 'returned') return o.closed_at;
  return null;
}

export async function loadWorkflowDetail(db: Db, o: OrderRow, now: number): Promise<WorkflowDetail> {
  const settings = await readWorkflowSettings(db);
  const units = await db
    .selectFrom('order_units')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .leftJoin('staff', 'staff.id', 'order_units.handler_staff_id')
    .select([
      'order_units.unit_id',
      'order_units.role',
      'order_units.handler_staff_id',
      'order_units.assigned_at',
      'order_units.assigned_by',
      'order_units.override_reason',
      'units.name',
      'units.kind',
      'units.sort_order',
      'staff.name as staff_name',
    ])
    .where('order_units.order_id', '=', o.id)
    .orderBy('units.sort_order')
    .orderBy('units.id')
    .execute();
  const assigned = units.map((u) => ({
    role: u.role,
    unit: {
      unitId: u.unit_id,
      name: u.name,
      kind: u.kind,
      handlerStaffId: u.handler_staff_id,
      handlerName: u.staff_name,
      assignedAt: u.assigned_at,
      assignedBy: u.assigned_by,
      overrideReason: u.override_reason,
    },
  }));
  const contacts = await db.selectFrom('contacts').selectAll().where('order_id', '=', o.id).orderBy('at').orderBy('id').execute();
  const callbacks = await db.selectFrom('callbacks').selectAll().where('order_id', '=', o.id).orderBy('at').orderBy('id').execute();
  const extensions = await db.selectFrom('extension_requests').selectAll().where('order_id', '=', o.id).orderBy('requested_at').orderBy('id').execute();
  const objections = await db.selectFrom('objections').selectAll().where('order_id', '=', o.id).orderBy('raised_at').orderBy('id').execute();
  const tags = await db.selectFrom('order_tags').select('tag').where('order_id', '=', o.id).orderBy('tag').execute();
  const master =
    o.duplicate_of === null
      ? undefined
      : await db.selectFrom('orders').select(['id', 'order_no', 'status']).where('id', '=', o.duplicate_of).executeTakeFirst();
  const duplicates = await db
    .selectFrom('orders')
    .select(['id', 'order_no', 'status'])
    .where('duplicate_of', '=', o.id)
    .orderBy('received_at')
    .orderBy('id')
    .execute();
  const linked = (r: { id: number; order_no: string; status: string }) => ({ id: r.id, orderNo: r.order_no, status: r.status as OrderStatus });
  const state = await loadOrderState(db, o);

  return {
    acceptedAt: o.accepted_at,
    closedAt: o.closed_at,
    replyResult: o.reply_result,
    dueSource: o.due_source,
    calendarMissing: o.calendar_missing === 1,
    pausedMs: o.paused_ms,
    reopenCount: o.reopen_count,
    firstTimeResolved: o.first_time_resolved === null ? null : o.first_time_resolved === 1,
    // With no contact record, the contact clock stops when handling ends (as the grid's filter counts it).
    firstContactBand: deadlineBand(o.first_contact_due_at, now, o.first_contact_at ?? handleDoneAt(o), settings.warnWithinMs),
    handleBand: deadlineBand(o.handle_due_at, now, handleDoneAt(o), settings.warnWithinMs),
    lead: assigned.find((a) => a.role === 'lead')?.unit ?? null,
    assists: assigned.filter((a) => a.role === 'assist').map((a) => a.unit),
    flags: {
      difficult: o.difficult === 1,
      difficultReason: o.difficult_reason,
      difficultTarget: o.difficult_target,
      unreasonable: o.unreasonable === 1,
      unreasonableApproved: o.unreasonable_approved === 1,
      unreasonableReason: o.unreasonable_reason,
      supervised: o.supervised === 1,
      supervisedNote: o.supervised_note,
    },
    tags: tags.map((t) => t.tag),
    duplicateOf: master ? linked(master) : null,
    duplicates: duplicates.map(linked),
    contacts: contacts.map((c) => ({ id: c.id, at: c.at, method: c.method as ContactMethod, summary: c.summary, actor: c.actor })),
    callbacks: callbacks.map((c) => ({
      id: c.id,
      at: c.at,
      valid: c.valid === 1,
      contacted: c.contacted === 1,
      resolution: c.resolution as CallbackResolution,
      satisfaction: c.satisfaction as Satisfaction,
      note: c.note,
      origin: c.origin,
    })),
    extensions: extensions.map((x) => ({
      id: x.id,
      requestedAt: x.requested_at,
      reason: x.reason,
      requestedDueAt: x.requested_due_at,
      status: x.status as 'pending' | 'approved' | 'rejected' | 'withdrawn',
      decidedAt: x.decided_at,
      decisionNote: x.decision_note,
    })),
    objections: objections.map((x) => ({
      id: x.id,
      raisedAt: x.raised_at,
      reason: x.reason,
      evidence: x.evidence,
      status: x.status as 'pending' | 'upheld' | 'rejected',
      decidedAt: x.decided_at,
      outcomeNote: x.outcome_note,
    })),
    timeline: await listTimeline(db, o.id),
    allowedActions: allowedActions(state),
  };
}
