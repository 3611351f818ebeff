/**
 * Contract methods of the order's life (DESIGN §2, issue 3): one command per transition or side road.
 * Every command names the order and the row `version` the clerk saw; the backend refuses a stale one
 * (STALE_VERSION, saying what changed since) and an action the order's state does not allow
 * (ILLEGAL_TRANSITION). Commands answer with the order as it is after the change.
 */
import { z } from 'zod';
import { CALLBACK_RESOLUTION, CONTACT_METHOD, REPLY_RESULT, SATISFACTION, UNIT_KIND } from '../enums.js';
import { method } from '../method.js';
import { epochMs, id } from '../scalars.js';
import { OrderDetail } from './orders.js';
import { LinkedOrder, ORDER_TAG, TimelineEvent } from './workflowRecords.js';

export * from './workflowRecords.js';

const version = z.number({ error: '缺少工单版本号' }).int().positive();
/** The order and the version the clerk's screen showed. */
const target = { orderId: id, version };

/** A required piece of writing (reason, summary, reply): trimmed, not empty, bounded. */
const text = (what: string, max: number) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, { error: `请填写${what}` })
    .max(max, { error: `${what}不能超过 ${max} 字` });
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${what}不能超过 ${max} 字` })
    .optional();

const UnitAssignment = z.object({ unitId: id, handlerStaffId: id.nullable().optional() }).strict();

/** A length of time for an extension, counted by the deadline engine from the current deadline. */
export const ExtensionDuration = z
  .object({
    amount: z.number().int().positive().max(366, { error: '延期时长过长，请检查' }),
    unit: z.enum(['hours', 'calendarDays', 'workingDays'], { error: '延期单位只能是小时、自然日或工作日' }),
  })
  .strict();

export const CommandResult = z.object({ order: OrderDetail });
export type CommandResult = z.infer<typeof CommandResult>;

/** A unit the order could be assigned to, with whether leading it stays within the unit's duty list. */
export const AssignOption = z.object({
  id,
  kind: z.enum(UNIT_KIND.codes),
  name: z.string(),
  /** Departments: always true. Communities: the order's category is in the community's duty list (Art. 17). */
  inDuty: z.boolean(),
  staff: z.array(z.object({ id, name: z.string() })),
});
export type AssignOption = z.infer<typeof AssignOption>;

export const workflowMethods = {
  'workflow.accept': method(z.object(target).strict(), CommandResult, '签收工单（待签收 → 办理中）'),
  'workflow.assignOptions': method(
    z.object({ orderId: id }).strict(),
    z.object({ category: z.string(), units: z.array(AssignOption) }),
    '派单可选的社区、科室及经办人，并标明是否在主办职责清单内',
  ),
  'workflow.assign': method(
    z
      .object({
        ...target,
        lead: UnitAssignment,
        assists: z.array(UnitAssignment).max(50).default([]),
        /** Required when a community leads a category outside its duty list (Art. 17). */
        overrideReason: optionalText('超职责主办理由', 500),
      })
      .strict(),
    CommandResult,
    '派单：设定主办单位（一个）与协办单位（任意个），可指定经办人',
  ),
  'workflow.contact': method(
    z
      .object({
        ...target,
        method: z.enum(CONTACT_METHOD.codes, { error: '联系方式只能是电话、上门、短信或其他' }),
        at: epochMs,
        summary: text('联系情况', 2000),
      })
      .strict(),
    CommandResult,
    '记录一次与诉求人的联系（第一次联系记为首次联系时间）',
  ),
  'workflow.reply': method(
    z
      .object({
        ...target,
        result: z.enum(REPLY_RESULT.codes, { error: '办理结果只能是已解决、部分解决、未解决、不属实或其他' }),
        text: text('答复内容', 5000),
      })
      .strict(),
    CommandResult,
    '办结并反馈（办理中 → 已办结）',
  ),
  'workflow.recordCallback': method(
    z
      .object({
        ...target,
        at: epochMs,
        valid: z.boolean(),
        contacted: z.boolean(),
        resolution: z.enum(CALLBACK_RESOLUTION.codes),
        satisfaction: z.enum(SATISFACTION.codes),
        note: optionalText('回访备注', 1000),
      })
      .strict(),
    CommandResult.extend({
      /** True when the callback was valid and unsatisfied or unresolved: the UI offers 二次办理. */
      reopenOffered: z.boolean(),
    }),
    '记录12345回访结果（已办结 → 已回访）',
  ),
  'workflow.reopen': method(
    z.object({ ...target, reason: optionalText('二次办理说明', 1000) }).strict(),
    CommandResult,
    '回访不满意或未解决后二次办理（已回访 → 办理中）',
  ),
  'workflow.raiseObjection': method(
    z.object({ ...target, reason: text('异议理由', 2000), evidence: optionalText('证明材料说明', 2000) }).strict(),
    CommandResult,
    '提出派单异议，提交区级审核（→ 异议审核中）',
  ),
  'workflow.decideObjection': method(
    z
      .object({
        ...target,
        outcome: z.enum(['upheld', 'rejected'], { error: '审核结果只能是异议成立或驳回' }),
        note: optionalText('审核意见', 1000),
      })
      .strict(),
    CommandResult,
    '登记区级对派单异议的审核结果（成立 → 已退回；驳回 → 办理中）',
  ),
  'workflow.requestExtension': method(
    z
      .object({
        ...target,
        reason: text('延期理由', 2000),
        /** Either the new deadline itself … */
        requestedDueAt: epochMs.optional(),
        /** … or how much longer, counted by the deadline engine from the current deadline. */
        extendBy: ExtensionDuration.optional(),
      })
      .strict()
      .refine((a) => (a.requestedDueAt === undefined) !== (a.extendBy === undefined), {
        error: '请给出申请的新时限，或延长的时长（二者选一）',
      }),
    CommandResult,
    '申请延期（理由须告知诉求人）',
  ),
  'workflow.decideExtension': method(
    z.object({ ...target, approved: z.boolean(), note: optionalText('审批意见', 1000) }).strict(),
    CommandResult,
    '登记延期申请的审批结果（批准则办理时限顺延）',
  ),
  'workflow.setDifficult': method(
    z
      .object({ ...target, on: z.boolean(), reason: optionalText('疑难原因', 2000), escalateTo: optionalText('上报对象', 200) })
      .strict()
      .refine((a) => !a.on || (!!a.reason && !!a.escalateTo), { error: '标记疑难须填写原因和上报对象' }),
    CommandResult,
    '标记或取消疑难（挂账，须写明原因并上报）',
  ),
  'workflow.setUnreasonable': method(
    z
      .object({ ...target, on: z.boolean(), reason: optionalText('不合理诉求说明', 2000), approved: z.boolean().optional() })
      .strict()
      .refine((a) => !a.on || !!a.reason, { error: '标记不合理诉求须写明理由' }),
    CommandResult,
    '标记或取消不合理诉求（可登记核减已获批）',
  ),
  'workflow.setSupervised': method(
    z.object({ ...target, on: z.boolean(), note: optionalText('督办说明', 1000) }).strict(),
    CommandResult,
    '设为督办件或取消督办',
  ),
  'workflow.setTag': method(
    z.object({ ...target, tag: z.enum(ORDER_TAG.codes, { error: '未知的标签' }), on: z.boolean() }).strict(),
    CommandResult,
    '加上或去掉标签（每月一题）',
  ),
  'workflow.linkDuplicate': method(
    z
      .object({ ...target, masterId: id.optional(), masterOrderNo: z.string().trim().min(1).max(100).optional() })
      .strict()
      .refine((a) => (a.masterId === undefined) !== (a.masterOrderNo === undefined), { error: '请指定主工单（内部编号或工单编号二选一）' }),
    CommandResult,
    '把本工单关联为某主工单的重复件',
  ),
  'workflow.unlinkDuplicate': method(z.object(target).strict(), CommandResult, '解除重复件关联'),
  'workflow.copyReplyToDuplicates': method(
    z.object(target).strict(),
    CommandResult.extend({
      copied: z.array(LinkedOrder),
      /** Linked orders left as they were, with the reason (e.g. not yet accepted). */
      skipped: z.array(LinkedOrder.extend({ reason: z.string() })),
    }),
    '把主工单的答复复制到其办理中的重复件（一并办结）',
  ),
  'orders.timeline': method(z.object({ id }).strict(), z.array(TimelineEvent), '工单的处理记录（最新在前）'),
} as const;
