/**
 * THE table of legal moves (DESIGN §2). For each command: the statuses it may start from, where it
 * leads, and any further condition on the order's state. Commands check it before touching anything;
 * the order detail lists exactly the actions it allows, so the UI and the backend cannot disagree.
 *
 *   received ──accept──► in_progress ──reply──► replied ──recordCallback──► callback_done
 *   received | in_progress ──raiseObjection──► objecting ──decideObjection──► returned | in_progress
 *   callback_done ──reopen (valid callback, unsatisfied or unresolved)──► in_progress
 * Side roads (assignment, contacts, extensions, flags, tags, duplicates) keep the status.
 */
import { AppError } from '../../../preload/contract/errors.js';
import { ORDER_STATUS, type OrderStatus } from '../../../preload/contract/enums.js';
import { WORKFLOW_ACTION, type WorkflowAction } from '../../../preload/contract/methods/workflowRecords.js';

/** What the guards look at besides the status (loaded by loadOrderState). */
export interface OrderState {
  status: OrderStatus;
  /** A 延期 request awaits its decision. */
  pendingExtension: boolean;
  /** The latest callback was valid and unsatisfied or unresolved (二次办理 is offered). */
  lastCallbackUnhappy: boolean;
  /** The master this order is linked to as a 重复件. */
  duplicateOf: number | null;
  /** How many orders are linked to this one as its 重复件. */
  duplicateCount: number;
  hasReply: boolean;
}

interface Rule {
  from: readonly OrderStatus[];
  /** The status after the command; undefined = unchanged (decideObjection depends on the outcome). */
  to?: OrderStatus;
  /** A further condition: returns the Chinese reason the action is not possible, or null. */
  guard?: (s: OrderState) => string | null;
}

const ALL = ORDER_STATUS.codes;
const OPEN: readonly OrderStatus[] = ['received', 'in_progress', 'objecting', 'replied'];

export const TRANSITIONS: Record<WorkflowAction, Rule> = {
  accept: { from: ['received'], to: 'in_progress' },
  assign: { from: ['in_progress'] },
  // A clerk may log a call while the district reviews an objection: the contact still happened.
  contact: { from: ['in_progress', 'objecting'] },
  reply: { from: ['in_progress'], to: 'replied' },
  recordCallback: { from: ['replied'], to: 'callback_done' },
  reopen: {
    from: ['callback_done'],
    to: 'in_progress',
    guard: (s) => (s.lastCallbackUnhappy ? null : '最近一次有效回访并非“不满意”或“未解决”，不需要二次办理'),
  },
  raiseObjection: { from: ['received', 'in_progress'], to: 'objecting' },
  decideObjection: { from: ['objecting'] },
  requestExtension: {
    from: ['in_progress'],
    guard: (s) => (s.pendingExtension ? '已有一份延期申请等待审批，请先登记其审批结果' : null),
  },
  decideExtension: {
    from: ['in_progress'],
    guard: (s) => (s.pendingExtension ? null : '没有等待审批的延期申请'),
  },
  setDifficult: { from: OPEN },
  // 核减 of an unreasonable request is usually approved after the callback, so closed orders qualify.
  setUnreasonable: { from: ['received', 'in_progress', 'objecting', 'replied', 'callback_done'] },
  setSupervised: { from: OPEN },
  // Tags classify (每月一题 counts in reports): any order may carry one.
  setTag: { from: ALL },
  linkDuplicate: {
    from: ['received', 'in_progress'],
    guard: (s) =>
      s.duplicateOf !== null
        ? '本工单已关联到另一主工单，请先解除原关联'
        : s.duplicateCount > 0
          ? `本工单是 ${s.duplicateCount} 件重复件的主工单，不能再作为重复件`
          : null,
  },
  unlinkDuplicate: {
    from: OPEN,
    guard: (s) => (s.duplicateOf === null ? '本工单没有关联主工单' : null),
  },
  copyReplyToDuplicates: {
    from: ['replied', 'callback_done'],
    guard: (s) => (!s.hasReply ? '本工单还没有答复内容' : s.duplicateCount === 0 ? '本工单没有关联的重复件' : null),
  },
};

/** Why `action` is not possible now (Chinese), or null when it is. */
export function refusal(action: WorkflowAction, s: OrderState): string | null {
  const rule = TRANSITIONS[action];
  const statusLabel = ORDER_STATUS.label[s.status];
  const actionLabel = WORKFLOW_ACTION.label[action];
  if (!rule.from.includes(s.status)) {
    const allowed = rule.from.map((st) => `「${ORDER_STATUS.label[st]}」`).join('、');
    return `工单当前状态为「${statusLabel}」，不能${actionLabel}（只有${allowed}的工单可以）。`;
  }
  const why = rule.guard?.(s);
  return why ? `工单当前状态为「${statusLabel}」，不能${actionLabel}：${why}。` : null;
}

/** Throws ILLEGAL_TRANSITION when `action` is not possible now. */
export function assertAllowed(action: WorkflowAction, s: OrderState): void {
  const why = refusal(action, s);
  if (why) throw new AppError('ILLEGAL_TRANSITION', why);
}

export function allowedActions(s: OrderState): WorkflowAction[] {
  return WORKFLOW_ACTION.codes.filter((a) => refusal(a, s) === null);
}
