/**
 * The order's life (DESIGN §2): the state machine's commands. Each runs in one transaction, checks the
 * row version and the transition table, writes its event(s), then reports to the ChangeFeed.
 */
export { accept } from './intake.js';
export { assign, assignOptions, withinDuties } from './assignment.js';
export { contact } from './contact.js';
export { reply, recordCallback, reopen } from './reply.js';
export { raiseObjection, decideObjection } from './objection.js';
export { requestExtension, decideExtension } from './extension.js';
export { setDifficult, setUnreasonable, setSupervised, setTag } from './flags.js';
export { linkDuplicate, unlinkDuplicate, copyReplyToDuplicates } from './duplicates.js';
export { orderTimeline } from './timeline.js';
export { TRANSITIONS, allowedActions, refusal, type OrderState } from './transitions.js';
export { WORKFLOW_DEFAULTS, WORKFLOW_SETTING_KEYS, readWorkflowSettings } from './settings.js';
