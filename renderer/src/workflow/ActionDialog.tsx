/** Which dialog each workflow action opens. */
import type { JSX } from 'react';
import type { WorkflowAction } from '../../../preload/api.js';
import { AcceptDialog } from './AcceptDialog.js';
import { AssignDialog } from './AssignDialog.js';
import { CallbackDialog } from './CallbackDialog.js';
import { ContactDialog } from './ContactDialog.js';
import { CopyReplyDialog, LinkDuplicateDialog, UnlinkDuplicateDialog } from './DuplicateDialog.js';
import { DecideExtensionDialog, RequestExtensionDialog } from './ExtensionDialog.js';
import { DifficultDialog, SupervisedDialog, TagDialog, UnreasonableDialog } from './FlagsDialog.js';
import { DecideObjectionDialog, RaiseObjectionDialog } from './ObjectionDialog.js';
import type { ActionDialogProps } from './OrderBrief.js';
import { ReopenDialog } from './ReopenDialog.js';
import { ReplyDialog } from './ReplyDialog.js';

const DIALOGS: Record<WorkflowAction, (p: ActionDialogProps) => JSX.Element> = {
  accept: AcceptDialog,
  assign: AssignDialog,
  contact: ContactDialog,
  reply: ReplyDialog,
  recordCallback: CallbackDialog,
  reopen: ReopenDialog,
  raiseObjection: RaiseObjectionDialog,
  decideObjection: DecideObjectionDialog,
  requestExtension: RequestExtensionDialog,
  decideExtension: DecideExtensionDialog,
  setDifficult: DifficultDialog,
  setUnreasonable: UnreasonableDialog,
  setSupervised: SupervisedDialog,
  setTag: TagDialog,
  linkDuplicate: LinkDuplicateDialog,
  unlinkDuplicate: UnlinkDuplicateDialog,
  copyReplyToDuplicates: CopyReplyDialog,
};

export function ActionDialog({ action, offered, ...props }: ActionDialogProps & { action: WorkflowAction; offered?: boolean }) {
  if (action === 'reopen') return <ReopenDialog {...props} offered={offered} />;
  const Component = DIALOGS[action];
  return <Component {...props} />;
}
