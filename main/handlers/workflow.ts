/** Handlers of the workflow commands: the acting clerk comes from the call's context. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import * as wf from '../services/workflow/index.js';

type WorkflowMethod = Extract<keyof Handlers, `workflow.${string}`> | 'orders.timeline';

export function workflowHandlers(s: Services) {
  const { ctx } = s;
  return {
    'workflow.accept': (a, c) => wf.accept(ctx, c.actor, a),
    'workflow.assignOptions': (a) => wf.assignOptions(ctx, a.orderId),
    'workflow.assign': (a, c) => wf.assign(ctx, c.actor, a),
    'workflow.contact': (a, c) => wf.contact(ctx, c.actor, a),
    'workflow.reply': (a, c) => wf.reply(ctx, c.actor, a),
    'workflow.recordCallback': (a, c) => wf.recordCallback(ctx, c.actor, a),
    'workflow.reopen': (a, c) => wf.reopen(ctx, c.actor, a),
    'workflow.raiseObjection': (a, c) => wf.raiseObjection(ctx, c.actor, a),
    'workflow.decideObjection': (a, c) => wf.decideObjection(ctx, c.actor, a),
    'workflow.requestExtension': (a, c) => wf.requestExtension(ctx, c.actor, a),
    'workflow.decideExtension': (a, c) => wf.decideExtension(ctx, c.actor, a),
    'workflow.setDifficult': (a, c) => wf.setDifficult(ctx, c.actor, a),
    'workflow.setUnreasonable': (a, c) => wf.setUnreasonable(ctx, c.actor, a),
    'workflow.setSupervised': (a, c) => wf.setSupervised(ctx, c.actor, a),
    'workflow.setTag': (a, c) => wf.setTag(ctx, c.actor, a),
    'workflow.linkDuplicate': (a, c) => wf.linkDuplicate(ctx, c.actor, a),
    'workflow.unlinkDuplicate': (a, c) => wf.unlinkDuplicate(ctx, c.actor, a),
    'workflow.copyReplyToDuplicates': (a, c) => wf.copyReplyToDuplicates(ctx, c.actor, a),
    'orders.timeline': (a) => wf.orderTimeline(ctx, a.id),
  } satisfies Pick<Handlers, WorkflowMethod>;
}
