/**
 * How the workflow's actions appear to the clerk: short button labels (which follow the order's flags:
 * 「疑难」 becomes 「取消疑难」 once set), the groups of the action bar and the context menu, and the
 * keyboard shortcuts of the grid. What is offered always comes from the order's `allowedActions`.
 */
import type { OrderDetail, WorkflowAction } from '../../../preload/api.js';
import { ORDER_STATUS } from '../../../preload/contract/enums.js';
import { WORKFLOW_ACTION } from '../../../preload/contract/methods/workflowRecords.js';

export const MONTHLY_TOPIC = 'monthly-topic';

export function actionLabel(action: WorkflowAction, order?: Pick<OrderDetail, 'flags' | 'tags'>): string {
  switch (action) {
    case 'accept':
      return '签收';
    case 'assign':
      return '派单';
    case 'contact':
      return '联系';
    case 'reply':
      return '办结';
    case 'recordCallback':
      return '回访';
    case 'reopen':
      return '二次办理';
    case 'raiseObjection':
      return '提出异议';
    case 'decideObjection':
      return '异议审核结果';
    case 'requestExtension':
      return '申请延期';
    case 'decideExtension':
      return '延期审批结果';
    case 'setDifficult':
      return order?.flags.difficult ? '取消疑难' : '疑难';
    case 'setUnreasonable':
      return order?.flags.unreasonable ? '不合理诉求…' : '不合理诉求';
    case 'setSupervised':
      return order?.flags.supervised ? '取消督办' : '督办';
    case 'setTag':
      return order?.tags.includes(MONTHLY_TOPIC) ? '去掉每月一题' : '每月一题';
    case 'linkDuplicate':
      return '关联重复件';
    case 'unlinkDuplicate':
      return '解除重复件';
    case 'copyReplyToDuplicates':
      return '复制答复到重复件';
  }
}

export const ACTION_GROUPS: ReadonlyArray<{ name: string; actions: readonly WorkflowAction[] }> = [
  { name: '办理', actions: ['accept', 'assign', 'contact', 'reply', 'recordCallback', 'reopen'] },
  { name: '异议与延期', actions: ['raiseObjection', 'decideObjection', 'requestExtension', 'decideExtension'] },
  { name: '标记', actions: ['setDifficult', 'setUnreasonable', 'setSupervised', 'setTag'] },
  { name: '重复件', actions: ['linkDuplicate', 'unlinkDuplicate', 'copyReplyToDuplicates'] },
];

/** The main road's next step, highlighted in the action bar. */
export const PRIMARY_ACTIONS: ReadonlySet<WorkflowAction> = new Set(['accept', 'reply', 'recordCallback', 'reopen']);

/** Single-key shortcuts while the grid has focus (no modifier). */
export const SHORTCUT_ACTIONS: Readonly<Record<string, WorkflowAction>> = { a: 'accept', s: 'assign', c: 'contact', r: 'reply' };
export const SHORTCUT_OF: Partial<Record<WorkflowAction, string>> = { accept: 'A', assign: 'S', contact: 'C', reply: 'R' };

export const SHORTCUT_SHEET: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: '↑ ↓ ← →', what: '在表格中移动' },
  { keys: 'J / K', what: '下一件 / 上一件（详情随之切换）' },
  { keys: 'Enter', what: '打开所在行工单的详情' },
  { keys: '空格', what: '勾选或取消勾选所在行（用于批量操作）' },
  { keys: '/', what: '跳到搜索框（Esc 清空搜索）' },
  { keys: 'A', what: '签收' },
  { keys: 'S', what: '派单（主办 / 协办）' },
  { keys: 'C', what: '联系诉求人' },
  { keys: 'R', what: '办结反馈' },
  { keys: 'Shift+F10 或 菜单键', what: '打开所在行的操作菜单（也可右键单击）' },
  { keys: '?', what: '显示本快捷键说明' },
  { keys: 'Esc', what: '关闭对话框或菜单' },
  { keys: 'Enter（对话框中）', what: '跳到下一项；在最后一项时提交' },
  { keys: 'Ctrl+Enter（对话框中）', what: '立即提交' },
];

/** Why an action is not on offer for this order, for a shortcut pressed on the wrong row. */
export function notAllowedText(action: WorkflowAction, order: Pick<OrderDetail, 'status' | 'orderNo'>): string {
  return `工单 ${order.orderNo} 当前为「${ORDER_STATUS.label[order.status]}」，不能${WORKFLOW_ACTION.label[action]}`;
}
