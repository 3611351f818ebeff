/**
 * A column-mapping preset: for a table whose headers the import does not know, which column means
 * what (and, if the automatic search would miss it, which row holds the header). Columns not listed
 * are still read through the built-in aliases. Saving under an existing name replaces that preset.
 */
import { useState } from 'react';
import { IMPORT_FIELD, type ImportField, type ImportPreset } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';

export interface PresetDraft {
  name: string;
  /** '' = find the header automatically. */
  headerRow: string;
  columns: Array<{ header: string; field: ImportField }>;
}

export function PresetDialog({ draft, existing, onSaved, onCancel }: { draft: PresetDraft; existing: ImportPreset[]; onSaved(p: ImportPreset): void; onCancel(): void }) {
  const client = useApi();
  const [name, setName] = useState(draft.name);
  const [headerRow, setHeaderRow] = useState(draft.headerRow);
  const [columns, setColumns] = useState(draft.columns.length > 0 ? draft.columns : [{ header: '', field: 'orderNo' as ImportField }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const replaces = name.trim() !== '' && name.trim() !== draft.name && existing.some((p) => p.name === name.trim());

  const update = (i: number, patch: Partial<PresetDraft['columns'][number]>) => setColumns((cs) => cs.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  const submit = async () => {
    if (!name.trim()) return setError('请填写方案名称。');
    const row = headerRow.trim();
    if (row !== '' && !/^\d{1,4}$/.test(row)) return setError('表头所在行请填写数字（如 3），或留空由程序自动查找。');
    const filled = columns.filter((c) => c.header.trim() !== '');
    if (filled.length === 0) return setError('请至少填写一列的表头文字。');
    const seen = new Set<string>();
    for (const c of filled) {
      const key = c.header.trim();
      if (seen.has(key)) return setError(`表头「${key}」填写了两次，请合并为一行。`);
      seen.add(key);
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await client.send('import.presets.save', {
        name: name.trim(),
        headerRow: row === '' ? null : Number(row),
        columns: Object.fromEntries(filled.map((c) => [c.header.trim(), c.field])),
      });
      onSaved(saved);
    } catch (e) {
      setError(describeError(e, '保存方案失败').message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={draft.name ? `编辑列映射方案「${draft.name}」` : '新建列映射方案'}
      submitLabel="保存方案"
      onSubmit={submit}
      onCancel={onCancel}
      busy={busy}
      error={error}
      confirm={replaces ? <p>已有名为「{name.trim()}」的方案，保存将替换它。确认替换？</p> : undefined}
      confirmLabel="确认替换"
      size="wide"
      testId="dialog-import-preset"
    >
      <p className="dialog__text">只需列出常见表头以外的列；没有列出的列仍按常见表头（工单编号、受理时间、诉求内容 等）自动识别。标为「（不导入）」的列会被忽略。</p>
      <div className="form-grid">
        <Field label="方案名称" required>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={40} placeholder="如：区平台周报格式" />
        </Field>
        <Field label="表头所在行" hint="留空则自动查找（前 30 行内）">
          <input type="text" inputMode="numeric" value={headerRow} onChange={(e) => setHeaderRow(e.target.value)} className="input--short" />
        </Field>
      </div>
      <table className="table ledger-preset-table">
        <thead>
          <tr>
            <th scope="col">文件中的表头文字</th>
            <th scope="col">含义</th>
            <th scope="col" className="table__actions">
              <span className="ledger-sr">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => (
            <tr key={i}>
              <td>
                <input type="text" aria-label={`第 ${i + 1} 列的表头文字`} value={c.header} onChange={(e) => update(i, { header: e.target.value })} maxLength={100} />
              </td>
              <td>
                <select aria-label={`第 ${i + 1} 列的含义`} value={c.field} onChange={(e) => update(i, { field: e.target.value as ImportField })}>
                  {IMPORT_FIELD.codes.map((f) => (
                    <option key={f} value={f}>
                      {IMPORT_FIELD.label[f]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="table__actions">
                <button type="button" className="btn btn--small" onClick={() => setColumns((cs) => cs.filter((_, j) => j !== i))} disabled={columns.length === 1} aria-label={`删除第 ${i + 1} 列`}>
                  删除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn btn--small" onClick={() => setColumns((cs) => [...cs, { header: '', field: 'ignore' }])}>
        添加一列
      </button>
    </Dialog>
  );
}
