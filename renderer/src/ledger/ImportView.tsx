/**
 * 导入: bring in the 12345 platform's export. Choose a file (button or drag and drop) → it is read with
 * a progress bar and 取消 → the preview says what would change (new / updated / unchanged / rejected /
 * in-file duplicates, what changed upstream per order, ignored columns, warnings) → 确认导入 or 取消 →
 * the result. Mapping presets teach it other layouts. Nothing is written before 确认导入.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportPreset, ImportResult } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { formatCount } from '../orders/format.js';
import { useLoad } from '../settings/useLoad.js';
import { isDesktop } from './fileTransfer.js';
import { ImportPreviewCard } from './ImportPreviewCard.js';
import { PresetDialog, type PresetDraft } from './PresetDialog.js';
import { ProgressCard } from './ProgressCard.js';
import { useImportSession } from './useImportSession.js';

const EMPTY_DRAFT: PresetDraft = { name: '', headerRow: '', columns: [{ header: '', field: 'orderNo' }] };
const draftOf = (p: ImportPreset): PresetDraft => ({
  name: p.name,
  headerRow: p.headerRow ? String(p.headerRow) : '',
  columns: Object.entries(p.columns).map(([header, field]) => ({ header, field })),
});

const ACCEPT = '.xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

export function ImportView({ onOpenOrders }: { onOpenOrders(): void }) {
  const client = useApi();
  const loadPresets = useCallback(() => client.send('import.presets.list', {}), [client]);
  const presets = useLoad(loadPresets);
  const [presetName, setPresetName] = useState('');
  const session = useImportSession(presetName);
  const { stage } = session;
  const [editing, setEditing] = useState<PresetDraft | null>(null);
  const working = stage.kind === 'working';

  // Choosing another preset re-reads the file on screen (or the one that just failed) with it.
  const lastPreset = useRef(presetName);
  const { again, source } = session;
  useEffect(() => {
    if (lastPreset.current === presetName) return;
    lastPreset.current = presetName;
    if (source) again();
  }, [presetName, again, source]);

  const openEditor = (draft: PresetDraft) => setEditing(draft);
  const fromPreview = (): PresetDraft | null => {
    if (stage.kind !== 'preview') return null;
    const p = stage.preview;
    const columns = [...p.mappedColumns.map((m) => ({ header: m.column, field: m.field })), ...p.ignoredColumns.map((c) => ({ header: c, field: 'ignore' as const }))];
    return { name: '', headerRow: String(p.file.headerRow), columns };
  };
  const selected = presets.data?.find((p) => p.name === presetName) ?? null;

  const onSaved = (saved: ImportPreset) => {
    setEditing(null);
    presets.reload();
    if (saved.name === presetName) session.again();
    else setPresetName(saved.name);
  };

  return (
    <section className="ledger" aria-label="导入">
      <div className="page ledger__page">
        <h2 className="page__title">导入工单</h2>
        <p className="page__intro">
          导入 12345 平台导出的工单表格（.xlsx 或 .csv，UTF-8 或 GBK 编码均可）。先预览将新增和更新哪些工单，确认后才一次写入；同一文件再次导入不会产生任何变化，街道自己的办理记录（联系、备注、派单、标记）不会被覆盖。
        </p>

        {session.notice && (
          <p className="ledger__notice" role="status">
            {session.notice}
          </p>
        )}
        {session.error && (
          <div className="card__error" role="alert" data-testid="import-error">
            <span>{session.error}</span>
            {session.source && !working && (
              <button type="button" className="btn btn--small" onClick={session.again}>
                重新读取「{session.source.name}」
              </button>
            )}
          </div>
        )}

        {!working && stage.kind !== 'done' && (
          <FileChooser onFile={session.chooseFile} onDialog={session.pickWithDialog} compact={stage.kind === 'preview'} />
        )}

        {!working && stage.kind !== 'done' && (
          <div className="card ledger-presets">
            <div className="toolbar">
              <label className="inline-field">
                列映射方案
                <select value={presetName} onChange={(e) => setPresetName(e.target.value)} data-testid="import-preset">
                  <option value="">自动识别表头</option>
                  {presets.data?.map((p) => (
                    <option key={p.name} value={p.name}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="btn btn--small" onClick={() => openEditor(fromPreview() ?? EMPTY_DRAFT)}>
                {stage.kind === 'preview' ? '按本文件的列新建方案…' : '新建方案…'}
              </button>
              {selected && (
                <button type="button" className="btn btn--small" onClick={() => openEditor(draftOf(selected))}>
                  编辑「{selected.name}」…
                </button>
              )}
            </div>
            <p className="field__hint">平台导出的常见表头（工单编号 / 工单号、受理时间 / 来电时间 等）会自动识别。其他格式的表格，可保存一个方案，说明每一列的含义。</p>
            {presets.error && <p className="page__error">{presets.error}</p>}
          </div>
        )}

        {stage.kind === 'working' && (
          <ProgressCard phase={stage.phase} name={stage.name} done={stage.done} total={stage.total} onCancel={() => void session.cancel()} />
        )}
        {stage.kind === 'preview' && <ImportPreviewCard preview={stage.preview} onCommit={() => void session.commit()} onCancel={() => void session.cancel()} />}
        {stage.kind === 'done' && <ResultCard name={stage.name} result={stage.result} onAgain={session.reset} onOpenOrders={onOpenOrders} />}
      </div>
      {editing && <PresetDialog draft={editing} existing={presets.data ?? []} onSaved={onSaved} onCancel={() => setEditing(null)} />}
    </section>
  );
}

/** The drop zone with its button; the file input stays hidden (the button and the zone open it). */
function FileChooser({ onFile, onDialog, compact }: { onFile(file: File): void; onDialog(): void; compact: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const desktop = isDesktop();

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  const choose = () => (desktop ? onDialog() : input.current?.click());

  return (
    <div
      className={`dropzone${over ? ' dropzone--over' : ''}${compact ? ' dropzone--compact' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-dropzone"
    >
      <span className="dropzone__text">{compact ? '换一个文件：拖到这里，或' : '把平台导出的表格文件拖到这里，或'}</span>
      <button type="button" className={`btn${compact ? '' : ' btn--primary'}`} onClick={choose}>
        选择文件…
      </button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          // Cleared so that choosing the same file again (a re-import) fires again.
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      {!compact && <span className="dropzone__hint">支持 .xlsx 和 .csv；表头上方的标题行、Excel 日期、「保密」电话都能识别。{desktop ? '' : '浏览器模式下文件会先上传到本机服务（最大 1 GB）。'}</span>}
    </div>
  );
}

function ResultCard({ name, result, onAgain, onOpenOrders }: { name: string; result: ImportResult; onAgain(): void; onOpenOrders(): void }) {
  const seconds = (result.ms / 1000).toFixed(1);
  const head = useRef<HTMLHeadingElement>(null);
  // The 确认导入 button is gone: the keyboard lands on the result.
  useEffect(() => head.current?.focus(), []);
  return (
    <div className="card ledger-result" role="status" data-testid="import-result">
      <div className="card__head">
        <h3 ref={head} tabIndex={-1}>
          导入完成
        </h3>
        <span className="card__meta">
          「{name}」· 用时 {seconds} 秒
        </span>
      </div>
      <p className="ledger-result__line">
        新增 <strong>{formatCount(result.new)}</strong> 件，更新 <strong>{formatCount(result.updated)}</strong> 件，未变 <strong>{formatCount(result.unchanged)}</strong> 件
        {result.rejectedCount > 0 && <>；拒绝 {formatCount(result.rejectedCount)} 行</>}
        {result.duplicatesInFile > 0 && <>；文件内重复 {formatCount(result.duplicatesInFile)} 行（以最后一行为准）</>}
        {result.categoriesAdded > 0 && <>；新增问题分类 {formatCount(result.categoriesAdded)} 个</>}。
      </p>
      {result.updated > 0 && <p className="card__desc">每件更新的工单，其上游变化都已记入它的办理记录。</p>}
      <div className="card__foot">
        <button type="button" className="btn" onClick={onOpenOrders}>
          查看工单
        </button>
        <button type="button" className="btn btn--primary" onClick={onAgain}>
          导入另一个文件
        </button>
      </div>
    </div>
  );
}
