/**
 * What the order detail shows of the workflow (issue 3): the timeline, the side roads' records,
 * the assignment, flags, duplicates, deadline bands and the actions the order allows now.
 * Kept apart from methods/workflow.ts so orders.ts (OrderDetail) and workflow.ts (commands that
 * answer with an OrderDetail) can both import it without a cycle.
 */
import { z } from 'zod';
import { CALLBACK_RESOLUTION, CONTACT_METHOD, ORDER_STATUS, SATISFACTION, UNIT_KIND } from '../enums.js';
import { epochMs, id } from '../scalars.js';

/** Every workflow command, with the Chinese name the clerk sees in menus and in refusals. */
export const WORKFLOW_ACTION = {
  codes: [
    'accept',
    'assign',
    'contact',
    'reply',
    'recordCallback',
    'reopen',
    'raiseObjection',
    'decideObjection',
    'requestExtension',
    'decideExtension',
    'setDifficult',
    'setUnreasonable',
    'setSupervised',
    'setTag',
    'linkDuplicate',
    'unlinkDuplicate',
    'copyReplyToDuplicates',
  ] as const,
  label: {
    accept: '签收',
    assign: '派单（主办/协办）',
    contact: '联系诉求人',
    reply: '办结反馈',
    recordCallback: '记录回访',
    reopen: '二次办理',
    raiseObjection: '提出派单异议',
    decideObjection: '登记异议审核结果',
    requestExtension: '申请延期',
    decideExtension: '登记延期审批结果',
    setDifficult: '标记疑难',
    setUnreasonable: '标记不合理诉求',
    setSupervised: '督办',
    setTag: '设置标签',
    linkDuplicate: '关联为重复件',
    unlinkDuplicate: '解除重复件关联',
    copyReplyToDuplicates: '答复复制到重复件',
  },
} as const;
export type WorkflowAction = (typeof WORKFLOW_ACTION.codes)[number];

/** Tags an order can carry. */
export const ORDER_TAG = { codes: ['monthly-topic'] as const, label: { 'monthly-topic': '每月一题' } } as const;
export type OrderTag = (typeof ORDER_TAG.codes)[number];

/** 'withdrawn': the order was closed (办结, 退回) while the request still waited for its decision. */
export const EXTENSION_STATUS = {
  codes: ['pending', 'approved', 'rejected', 'withdrawn'] as const,
  label: { pending: '待审批', approved: '已批准', rejected: '未批准', withdrawn: '已撤回' },
} as const;
export const OBJECTION_STATUS = { codes: ['pending', 'upheld', 'rejected'] as const, label: { pending: '审核中', upheld: '异议成立（退回）', rejected: '异议驳回' } } as const;

/** 即将超时 / 已超时 and friends (main/services/deadlines deadlineBand). */
export const DEADLINE_BAND = {
  codes: ['ok', 'soon', 'overdue', 'met', 'late'] as const,
  label: { ok: '正常', soon: '即将超时', overdue: '已超时', met: '按时完成', late: '超时完成' },
} as const;

/** One entry of the order's timeline: who did what when, and the fields before → after. */
export const TimelineEvent = z.object({
  id,
  at: epochMs,
  actor: z.string(),
  kind: z.string(),
  summary: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  /** The order's version after this change; null for history written before versions were recorded. */
  orderVersion: z.number().int().positive().nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const ContactRecord = z.object({ id, at: epochMs, method: z.enum(CONTACT_METHOD.codes), summary: z.string(), actor: z.string() });
export const CallbackRecord = z.object({
  id,
  at: epochMs,
  valid: z.boolean(),
  contacted: z.boolean(),
  resolution: z.enum(CALLBACK_RESOLUTION.codes),
  satisfaction: z.enum(SATISFACTION.codes),
  note: z.string().nullable(),
  origin: z.string(),
});
export const ExtensionRecord = z.object({
  id,
  requestedAt: epochMs,
  reason: z.string(),
  requestedDueAt: epochMs,
  status: z.enum(EXTENSION_STATUS.codes),
  decidedAt: epochMs.nullable(),
  decisionNote: z.string().nullable(),
});
export const ObjectionRecord = z.object({
  id,
  raisedAt: epochMs,
  reason: z.string(),
  evidence: z.string().nullable(),
  status: z.enum(OBJECTION_STATUS.codes),
  decidedAt: epochMs.nullable(),
  outcomeNote: z.string().nullable(),
});

/** A unit on the order (主办 or 协办), with its handler. */
export const AssignedUnit = z.object({
  unitId: id,
  name: z.string(),
  kind: z.enum(UNIT_KIND.codes),
  handlerStaffId: id.nullable(),
  handlerName: z.string().nullable(),
  assignedAt: epochMs,
  assignedBy: z.string(),
  /** Why a community leads a category outside its duty list (Art. 17); null when within it. */
  overrideReason: z.string().nullable(),
});

export const OrderFlags = z.object({
  difficult: z.boolean(),
  difficultReason: z.string().nullable(),
  difficultTarget: z.string().nullable(),
  unreasonable: z.boolean(),
  unreasonableApproved: z.boolean(),
  unreasonableReason: z.string().nullable(),
  supervised: z.boolean(),
  supervisedNote: z.string().nullable(),
});

export const LinkedOrder = z.object({ id, orderNo: z.string(), status: z.enum(ORDER_STATUS.codes) });

/** The fields the workflow adds to OrderDetail (spread into it in methods/orders.ts). */
export const workflowDetailFields = {
  acceptedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  replyResult: z.string().nullable(),
  dueSource: z.string(),
  calendarMissing: z.boolean(),
  pausedMs: z.number().int().nonnegative(),
  reopenCount: z.number().int().nonnegative(),
  firstTimeResolved: z.boolean().nullable(),
  firstContactBand: z.enum(DEADLINE_BAND.codes),
  handleBand: z.enum(DEADLINE_BAND.codes),
  lead: AssignedUnit.nullable(),
  assists: z.array(AssignedUnit),
  flags: OrderFlags,
  tags: z.array(z.string()),
  duplicateOf: LinkedOrder.nullable(),
  duplicates: z.array(LinkedOrder),
  contacts: z.array(ContactRecord),
  callbacks: z.array(CallbackRecord),
  extensions: z.array(ExtensionRecord),
  objections: z.array(ObjectionRecord),
  /** Newest first. */
  timeline: z.array(TimelineEvent),
  /** The commands this order allows right now (the UI enables exactly these). */
  allowedActions: z.array(z.enum(WORKFLOW_ACTION.codes)),
};
