/**
 * Grid rows: the order columns a page reads (gridQueries.ts selects exactly these), and the mapping to
 * the contract's OrderGridRow — deadline bands with the warning hours of the settings, personal data
 * masked, content clipped, and the units, handlers and tags of the page's orders read in two queries.
 */
import { sql, type Kysely } from 'kysely';
import { placeholder, toTemplate, type QueryTemplate } from '../../../db/templates.js';
import type { Database } from '../../../db/schema.js';
import type { OrderGridRow } from '../../../preload/api.js';
import type { AppealType, OrderStatus, Source, Tier } from '../../../preload/contract/enums.js';
import { deadlineBand } from '../deadlines/index.js';
import { maskName, maskPhone } from '../privacy.js';

/** Characters of the content a row carries (the detail pane has the whole text). */
export const CONTENT_PREVIEW_CHARS = 120;

/** Columns of `orders` (and the community name) a grid page selects, in SELECT order. */
export const PAGE_COLUMNS = [
  'orders.id',
  'orders.order_no',
  'orders.received_at',
  'orders.dispatched_at',
  'orders.accepted_at',
  'orders.source',
  'orders.appeal_type',
  'orders.category',
  'orders.community_id',
  'orders.status',
  'orders.tier',
  'orders.first_contact_due_at',
  'orders.first_contact_at',
  'orders.handle_due_at',
  'orders.replied_at',
  'orders.closed_at',
  'orders.address',
  'orders.residential_area',
  'orders.citizen_name',
  'orders.citizen_phone',
  'orders.difficult',
  'orders.supervised',
  'orders.unreasonable',
  'orders.duplicate_of',
  'orders.reopen_count',
  'orders.platform_status',
  'orders.version',
] as const;

export interface PageRow {
  id: number;
  order_no: string;
  received_at: number;
  dispatched_at: number;
  accepted_at: number | null;
  source: string;
  appeal_type: string;
  category: string;
  community_id: number | null;
  community_name: string | null;
  status: string;
  tier: string;
  first_contact_due_at: number;
  first_contact_at: number | null;
  handle_due_at: number;
  replied_at: number | null;
  closed_at: number | null;
  content_preview: string;
  address: string;
  residential_area: string | null;
  citizen_name: string | null;
  citizen_phone: string | null;
  difficult: number;
  supervised: number;
  unreasonable: number;
  duplicate_of: number | null;
  reopen_count: number;
  platform_status: string | null;
  version: number;
}

/** The columns of an order both the grid row and the detail carry (the orders table's own names). */
type OrderColumns = Pick<
  PageRow,
  | 'id' | 'order_no' | 'received_at' | 'dispatched_at' | 'source' | 'appeal_type' | 'category' | 'community_id' | 'community_name' | 'status' | 'tier'
  | 'first_contact_due_at' | 'first_contact_at' | 'handle_due_at' | 'replied_at' | 'address' | 'residential_area' | 'citizen_name' | 'citizen_phone' | 'version'
>;

/** The fields the grid row and the detail share, with the citizen's name and phone masked (DESIGN §1). */
export function orderFields(r: OrderColumns) {
  return {
    id: r.id,
    orderNo: r.order_no,
    receivedAt: r.received_at,
    dispatchedAt: r.dispatched_at,
    source: r.source as Source,
    appealType: r.appeal_type as AppealType,
    category: r.category,
    communityId: r.community_id,
    communityName: r.community_name,
    status: r.status as OrderStatus,
    tier: r.tier as Tier,
    firstContactDueAt: r.first_contact_due_at,
    firstContactAt: r.first_contact_at,
    handleDueAt: r.handle_due_at,
    repliedAt: r.replied_at,
    address: r.address,
    residentialArea: r.residential_area,
    citizenName: r.citizen_name === null ? null : maskName(r.citizen_name),
    citizenPhoneMasked: maskPhone(r.citizen_phone),
    version: r.version,
  };
}

/** When the handling counts as done for its band: the reply while it stands, or the return (as the detail). */
function handleDoneAt(r: PageRow): number | null {
  if (r.status === 'replied' || r.status === 'callback_done') return r.replied_at;
  if (r.status === 'returned') return r.closed_at;
  return null;
}

interface Decoration {
  order_id: number;
  /** 'lead' | 'assist' | 'tag' */
  kind: string;
  name: string;
  staff_name: string | null;
}

const templates = new WeakMap<Kysely<Database>, QueryTemplate>();

/**
 * The units (with handlers) and tags of a page's orders in one statement, compiled once: the ids go
 * in as one JSON array, so the SQL text (and its prepared statement) is the same for every page.
 */
export function decorations(db: Kysely<Database>): QueryTemplate {
  let t = templates.get(db);
  if (!t) {
    const ids = sql<number>`(SELECT value FROM json_each(${placeholder('ids')}))`;
    const units = db
      .selectFrom('order_units')
      .innerJoin('units', 'units.id', 'order_units.unit_id')
      .leftJoin('staff', 'staff.id', 'order_units.handler_staff_id')
      .select(['order_units.order_id', 'order_units.role as kind', 'units.name', 'staff.name as staff_name', 'units.sort_order as rank', 'units.id as unit_id'])
      .where('order_units.order_id', 'in', ids);
    const tags = db
      .selectFrom('order_tags')
      .select(['order_tags.order_id', sql.lit('tag').as('kind'), 'order_tags.tag as name', sql.lit(null).as('staff_name'), sql.lit(0).as('rank'), sql.lit(0).as('unit_id')])
      .where('order_tags.order_id', 'in', ids);
    t = toTemplate(units.unionAll(tags as unknown as typeof units).orderBy('order_id').orderBy('rank').orderBy('unit_id').orderBy('name').compile());
    templates.set(db, t);
  }
  return t;
}

export async function toGridRows(db: Kysely<Database>, raw: PageRow[], now: number, warnWithinMs: number): Promise<OrderGridRow[]> {
  if (raw.length === 0) return [];
  const found = (await db.executeQuery<Decoration>(decorations(db).bind({ ids: JSON.stringify(raw.map((r) => r.id)) }))).rows;
  const byOrder = new Map<number, { lead: string | null; assists: string[]; leadHandlers: string[]; handlers: string[]; tags: string[] }>();
  const entry = (id: number) => {
    let e = byOrder.get(id);
    if (!e) byOrder.set(id, (e = { lead: null, assists: [], leadHandlers: [], handlers: [], tags: [] }));
    return e;
  };
  for (const u of found) {
    const e = entry(u.order_id);
    if (u.kind === 'tag') {
      e.tags.push(u.name);
    } else if (u.kind === 'lead') {
      e.lead = u.name;
      if (u.staff_name) e.leadHandlers.push(u.staff_name);
    } else {
      e.assists.push(u.name);
      if (u.staff_name) e.handlers.push(u.staff_name);
    }
  }

  return raw.map((r) => {
    const e = byOrder.get(r.id);
    return {
      ...orderFields(r),
      acceptedAt: r.accepted_at,
      closedAt: r.closed_at,
      firstContactBand: deadlineBand(r.first_contact_due_at, now, r.first_contact_at ?? handleDoneAt(r), warnWithinMs),
      handleBand: deadlineBand(r.handle_due_at, now, handleDoneAt(r), warnWithinMs),
      contentPreview: r.content_preview,
      leadUnitName: e?.lead ?? null,
      assistUnitNames: e?.assists ?? [],
      handlerNames: e ? [...e.leadHandlers, ...e.handlers] : [],
      difficult: r.difficult === 1,
      supervised: r.supervised === 1,
      unreasonable: r.unreasonable === 1,
      duplicateOf: r.duplicate_of,
      tags: e?.tags ?? [],
      reopenCount: r.reopen_count,
      platformStatus: r.platform_status,
    };
  });
}
