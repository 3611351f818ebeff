/** The `?` sheet: every keyboard shortcut of the orders grid and the dialogs. */
import { Dialog } from '../ui/Dialog.js';
import { SHORTCUT_SHEET } from './actions.js';

export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Dialog
      title="键盘快捷键"
      submitLabel="关闭"
      onSubmit={onClose}
      onCancel={onClose}
      testId="shortcut-sheet"
      footer={
        <button type="submit" className="btn btn--primary dialog__submit">
          关闭
        </button>
      }
    >
      <p className="dialog__text">在工单表格中（先单击任一行）可直接按键：</p>
      <table className="keys-table">
        <tbody>
          {SHORTCUT_SHEET.map((k) => (
            <tr key={k.keys}>
              <td>
                <kbd>{k.keys}</kbd>
              </td>
              <td>{k.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
