/**
 * Reply templates (答复模板) per category prefix, and filling one with an order's facts.
 *
 * A template's body names facts as {工单编号}, {诉求人}, {小区} … (TEMPLATE_PLACEHOLDERS). Rendering
 * replaces the known ones; an unknown {名称} stays in the text exactly as written, so a typo shows up
 * in the reply draft instead of silently vanishing. Personal data is filled in masked, as the detail
 * pane shows it: the draft is on screen, and the full number never leaves the backend.
 */
import { AppError } from '../../../preload/contract/errors.js';
import { APPEAL_TYPE } from '../../../preload/contract/enums.js';
import { beijingParts, formatBeijing } from '../../../preload/contract/time.js';
import { TEMPLATE_PLACEHOLDERS, type RenderedTemplate, type ReplyTemplate, type TemplatePlaceholder } from '../../../preload/contract/methods/admin.js';
import { META_STREET_NAME, readMeta } from '../app.js';
import type { ServiceContext } from '../context.js';
import { getOrderDetail } from '../orders/detail.js';
import { adminChange } from './audit.js';
import { assertCategoryPaths, coversCategory } from './taxonomy.js';
import { adminDb, type AdminDb, type ReplyTemplateTable } from './tables.js';
import type { Selectable } from 'kysely';

const toTemplate = (r: Selectable<ReplyTemplateTable>): ReplyTemplate => ({
  id: r.id,
  categoryPrefix: r.category_prefix,
  title: r.title,
  body: r.body,
  sortOrder: r.sort_order,
  active: r.active === 1,
  updatedAt: r.updated_at,
});

async function getTemplate(db: AdminDb, id: number): Promise<ReplyTemplate> {
  const row = await db.selectFrom('reply_templates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `答复模板不存在（内部编号 ${id}），可能已被删除。`);
  return toTemplate(row);
}

/**
 * All templates, or — given an order's category — the active ones that serve it, the most specific
 * prefix first (a 三级 template before a 一级 one before the general ones).
 */
export async function listTemplates(ctx: ServiceContext, filter: { category?: string | undefined; includeInactive?: boolean | undefined }): Promise<ReplyTemplate[]> {
  let q = adminDb(ctx.handle.db).selectFrom('reply_templates').selectAll();
  if (!filter.includeInactive) q = q.where('active', '=', 1);
  const rows = (await q.orderBy('category_prefix').orderBy('sort_order').orderBy('id').execute()).map(toTemplate);
  const category = filter.category;
  if (category === undefined) return rows;
  return rows
    .filter((t) => coversCategory(t.categoryPrefix, category))
    .sort((a, b) => b.categoryPrefix.length - a.categoryPrefix.length || a.sortOrder - b.sortOrder || a.id - b.id);
}

export interface TemplateInput {
  id?: number | undefined;
  categoryPrefix: string;
  title: string;
  body: string;
  sortOrder?: number | undefined;
  active?: boolean | undefined;
}

const scope = (prefix: string) => (prefix === '' ? '通用' : prefix);

export async function upsertTemplate(ctx: ServiceContext, actor: string, input: TemplateInput): Promise<ReplyTemplate> {
  return adminChange(ctx, actor, async (base) => {
    if (input.categoryPrefix !== '') await assertCategoryPaths(base, [input.categoryPrefix], '答复模板');
    const trx = adminDb(base);
    const now = ctx.now();
    if (input.id === undefined) {
      const { id } = await trx
        .insertInto('reply_templates')
        .values({ category_prefix: input.categoryPrefix, title: input.title, body: input.body, sort_order: input.sortOrder ?? 0, active: input.active === false ? 0 : 1, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const created = await getTemplate(trx, id);
      return { result: created, event: { kind: 'admin.template', summary: `新增答复模板「${input.title}」（${scope(input.categoryPrefix)}）`, before: null, after: created } };
    }
    const before = await getTemplate(trx, input.id);
    await trx
      .updateTable('reply_templates')
      .set({
        category_prefix: input.categoryPrefix,
        title: input.title,
        body: input.body,
        sort_order: input.sortOrder ?? before.sortOrder,
        active: (input.active ?? before.active) ? 1 : 0,
        updated_at: now,
      })
      .where('id', '=', input.id)
      .execute();
    const after = await getTemplate(trx, input.id);
    return { result: after, event: { kind: 'admin.template', summary: `修改答复模板「${after.title}」（${scope(after.categoryPrefix)}）`, before, after } };
  });
}

export async function deleteTemplate(ctx: ServiceContext, actor: string, id: number): Promise<{ id: number; deleted: true }> {
  return adminChange(ctx, actor, async (base) => {
    const trx = adminDb(base);
    const before = await getTemplate(trx, id);
    await trx.deleteFrom('reply_templates').where('id', '=', id).execute();
    return { result: { id, deleted: true as const }, event: { kind: 'admin.template', summary: `删除答复模板「${before.title}」`, before, after: null } };
  });
}

function chineseDate(ms: number): string {
  const p = beijingParts(ms);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** The facts of one order a template can name. Empty string = the order does not have it. */
async function orderFacts(ctx: ServiceContext, orderId: number): Promise<Record<TemplatePlaceholder, string>> {
  const o = await getOrderDetail(ctx, orderId);
  const now = ctx.now();
  return {
    工单编号: o.orderNo,
    受理时间: formatBeijing(o.receivedAt),
    派单时间: formatBeijing(o.dispatchedAt),
    诉求人: o.citizenName ?? '',
    联系电话: o.citizenPhoneMasked ?? '',
    诉求类型: APPEAL_TYPE.label[o.appealType],
    问题分类: o.category.split('/').pop() ?? '',
    分类路径: o.category,
    地址: o.address,
    小区: o.residentialArea ?? '',
    社区: o.communityName ?? '',
    主办单位: o.leadUnit ?? '',
    协办单位: o.assistUnits.join('、'),
    办理时限: formatBeijing(o.handleDueAt),
    办结日期: chineseDate(o.repliedAt ?? now),
    今天: chineseDate(now),
    街道: (await readMeta(ctx, META_STREET_NAME)) ?? '',
  };
}

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

/** Fills a template's text with facts; unknown placeholders stay visible as written. */
export function fillTemplate(body: string, facts: Readonly<Record<string, string>>): RenderedTemplate {
  const unknown = new Set<string>();
  const empty = new Set<string>();
  const text = body.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(TEMPLATE_PLACEHOLDERS, name) || !Object.hasOwn(facts, name)) {
      unknown.add(name);
      return whole;
    }
    const value = facts[name] ?? '';
    if (value === '') empty.add(name);
    return value;
  });
  return { text, unknownPlaceholders: [...unknown], emptyPlaceholders: [...empty] };
}

export async function renderReplyTemplate(ctx: ServiceContext, templateId: number, orderId: number): Promise<RenderedTemplate> {
  const template = await getTemplate(adminDb(ctx.handle.db), templateId);
  return fillTemplate(template.body, await orderFacts(ctx, orderId));
}
