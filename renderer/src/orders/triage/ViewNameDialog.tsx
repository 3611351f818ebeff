/** Names a view (保存为视图, 重命名): one field, optionally "share with colleagues". */
import { useState } from 'react';
import { describeError } from '../../app/errors.js';
import { Dialog } from '../../ui/Dialog.js';
import { Field } from '../../ui/Field.js';

export function ViewNameDialog(props: { title: string; initial?: string; withShare?: boolean; onSubmit(name: string, shared: boolean): Promise<void>; onCancel(): void }) {
  const [name, setName] = useState(props.initial ?? '');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog
      title={props.title}
      submitLabel="保存"
      busy={busy}
      error={error}
      testId="view-name-dialog"
      onCancel={props.onCancel}
      onSubmit={async () => {
        if (!name.trim()) return setError('请填写视图名称');
        setBusy(true);
        try {
          await props.onSubmit(name.trim(), shared);
        } catch (e) {
          setError(describeError(e).message);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label="视图名称" required>
        <input className="input" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
      </Field>
      {props.withShare && (
        <label className="check">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          共享给同事（同事可以使用，不能修改）
        </label>
      )}
    </Dialog>
  );
}
