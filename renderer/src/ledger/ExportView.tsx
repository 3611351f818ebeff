/**
 * 导出: a ledger for the district. A preset (平台格式 re-imports unchanged; 区考核台账 adds callbacks and the
 * 三率), the column chooser, a 受理 date range, the grid's current sort ("导出当前表格"), xlsx or CSV, and
 * phones masked unless the clerk asks for them — with a clear warning when they do. The desktop saves
 * where the clerk chooses; the browser downloads the file.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EXPORT_PRESET, type ExportColumn, type ExportPreset, type OrderSort } from '../../../preload/api.js';
import { beijingParts } from '../../../preload/contract/time.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { COLUMN_TITLES, directionLabel, formatCount } from '../orders/format.js';
import { useLoad } from '../settings/useLoad.js';
import { Choices, Field } from '../ui/Field.js';
import { ColumnChooser } from './ColumnChooser.js';
import { startDownload } from './fileTransfer.js';
import { lastGridView } from './gridView.js';

type Format = 'xlsx' | 'csv';
type Order = 'default' | 'grid';

const PRESET_NOTE: Record<ExportPreset, string> = {
  platform: '与 12345 平台导出的格式一致，可再次导入而不产生变化。',
  district: '区考核用：含办理状态、是否超期、回访结果与每件工单的三率得分，末行为合计。',
};
const FORMATS = [
  { value: 'xlsx' as const, label: 'Excel 工作簿（.xlsx）' },
  { value: 'csv' as const, label: 'CSV（UTF-8，Excel / WPS 可直接打开）' },
];

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function today(): string {
  const p = beijingParts(Date.now());
  return `${p.year}${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}`;
}

const describeSort = (s: OrderSort) => `按${COLUMN_TITLES[s.column]}${directionLabel(s.direction)}`;

interface Done {
  rows: number;
  name: string;
  /** Desktop: where it was saved. */
  savedTo: string | null;
  /** Browser: where to fetch it again. */
  downloadUrl: string | null;
}

export function ExportView({ visible }: { visible: boolean }) {
  const client = useApi();
  const loadMeta = useCallback(() => client.send('export.columns', {}), [client]);
  const meta = useLoad(loadMeta);
  const [preset, setPreset] = useState<ExportPreset>('platform');
  const [columns, setColumns] = useState<ExportColumn[] | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [order, setOrder] = useState<Order>('default');
  const [format, setFormat] = useState<Format>('xlsx');
  const [withPhones, setWithPhones] = useState(false);
  const [fileName, setFileName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // Read each time the page is shown: the grid may have been re-sorted meanwhile.
  const [grid, setGrid] = useState(lastGridView);
  useEffect(() => {
    if (visible) setGrid(lastGridView());
  }, [visible]);

  const presetColumns = useMemo(() => meta.data?.presets.find((p) => p.key === preset)?.columns ?? [], [meta.data, preset]);
  const chosen = columns ?? presetColumns;
  const customised = columns !== null && columns.join() !== presetColumns.join();

  const label = EXPORT_PRESET.label[preset];
  const suggested = `${label}${label.endsWith('台账') ? '' : '台账'}-${today()}`;
  const name = nameTouched ? fileName : suggested;

  const choosePreset = (p: ExportPreset) => {
    setPreset(p);
    setColumns(null);
  };

  const submit = async () => {
    setError(null);
    setDone(null);
    if (chosen.length === 0) return setError('请至少选择一列。');
    const f = from.trim();
    const t = to.trim();
    if ((f && !DAY.test(f)) || (t && !DAY.test(t))) return setError('日期请按 YYYY-MM-DD 填写，如 2026-03-01；留空表示不限。');
    if (f && t && f > t) return setError('开始日期不能晚于结束日期。');
    if (!name.trim()) return setError('请填写文件名。');
    const sort = order === 'grid' && grid ? grid.sort : undefined;
    // "The current table" is the grid's filter as well as its sort.
    const gridFilter = order === 'grid' && grid?.filter && Object.keys(grid.filter).length > 0 ? grid.filter : undefined;
    setBusy(true);
    try {
      const target = await client.send('files.pickExportTarget', { name: name.trim(), format });
      if (!target) return;
      const r = await client.send('export.ledger', {
        preset,
        columns: chosen,
        ...(f ? { from: f } : {}),
        ...(t ? { to: t } : {}),
        ...(sort ? { sort } : {}),
        ...(gridFilter ? { filter: gridFilter } : {}),
        withPhones,
        format,
        path: target.path,
      });
      if (target.downloadUrl) startDownload(target.downloadUrl, target.name);
      setDone({ rows: r.rows, name: target.name, savedTo: target.downloadUrl ? null : r.path, downloadUrl: target.downloadUrl });
    } catch (e) {
      setError(describeError(e, '导出失败').message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ledger" aria-label="导出">
      <div className="page ledger__page">
        <h2 className="page__title">导出台账</h2>
        <p className="page__intro">按区里要求的格式导出工单台账。每次导出都会记录导出人、时间和范围。联系电话默认打码（如 138****5678）。</p>
        {meta.error && <div className="card__error">{meta.error}</div>}

        <div className="ledger-export">
          <div className="card ledger-export__columns">
            <div className="card__head">
              <h3>导出的列</h3>
              <span className="card__meta" data-testid="export-column-count">
                已选 {chosen.length} 列{customised ? '（已调整）' : ''}
              </span>
            </div>
            <p className="card__desc">勾选要导出的列；用 ↑ ↓ 按钮或 Alt+↑ / Alt+↓ 调整顺序。</p>
            {meta.data && <ColumnChooser all={meta.data.columns} chosen={chosen} onChange={setColumns} />}
            <div className="card__foot">
              <button type="button" className="btn btn--small" onClick={() => setColumns(null)} disabled={!customised}>
                恢复「{label}」的列
              </button>
            </div>
          </div>

          <div className="ledger-export__side">
            <div className="card">
              <Choices legend="预设" name="export-preset" value={preset} options={EXPORT_PRESET.codes.map((k) => ({ value: k, label: EXPORT_PRESET.label[k] }))} onChange={choosePreset} />
              <p className="card__desc ledger-export__note">{PRESET_NOTE[preset]}</p>
            </div>

            <div className="card">
              <h3 className="ledger-card-title">范围与顺序</h3>
              <div className="field-row">
                <Field label="受理日期 从">
                  <input type="text" className="input--date" value={from} onChange={(e) => setFrom(e.target.value)} placeholder="2026-03-01" />
                </Field>
                <Field label="至">
                  <input type="text" className="input--date" value={to} onChange={(e) => setTo(e.target.value)} placeholder="2026-03-31" />
                </Field>
              </div>
              <p className="field__hint">北京时间，含首尾两天；留空表示不限。</p>
              <Choices
                legend="行的顺序"
                name="export-order"
                value={order}
                options={[
                  { value: 'default', label: '受理时间从新到旧' },
                  { value: 'grid', label: grid ? `导出当前表格：与「工单」表格一致（${describeSort(grid.sort)}${grid.filter && Object.keys(grid.filter).length > 0 ? '，含表格的筛选条件' : ''}）` : '导出当前表格：请先打开「工单」表格' },
                ]}
                onChange={setOrder}
              />
            </div>

            <div className="card">
              <h3 className="ledger-card-title">文件</h3>
              <Choices legend="格式" name="export-format" value={format} options={FORMATS} onChange={setFormat} />
              <label className="check ledger-export__phones">
                <input type="checkbox" checked={withPhones} onChange={(e) => setWithPhones(e.target.checked)} />
                包含完整联系电话
              </label>
              {withPhones && (
                <p className="ledger-warn" role="alert" data-testid="export-phones-warning">
                  注意：导出的文件将含有诉求人的完整联系电话，属于个人信息。请只发给有权查看的人员，妥善保管、用后删除；本次导出会记入操作记录。
                </p>
              )}
              <Field label="文件名" hint={`扩展名 .${format} 会自动加上`}>
                <input
                  type="text"
                  value={name}
                  maxLength={120}
                  onChange={(e) => {
                    setNameTouched(true);
                    setFileName(e.target.value);
                  }}
                />
              </Field>
            </div>

            {error && (
              <div className="card__error" role="alert" data-testid="export-error">
                {error}
              </div>
            )}
            {done && (
              <div className="ledger-done" role="status" data-testid="export-done">
                已导出 {formatCount(done.rows)} 行：
                {done.savedTo ? (
                  <>
                    已保存到 <code>{done.savedTo}</code>
                  </>
                ) : (
                  <>
                    浏览器正在下载「{done.name}」。没有开始下载？
                    <a href={done.downloadUrl ?? undefined} download={done.name}>
                      再次下载
                    </a>
                  </>
                )}
              </div>
            )}
            <div className="ledger-export__actions">
              <button type="button" className="btn btn--primary" onClick={() => void submit()} disabled={busy || !meta.data} data-testid="export-submit">
                {busy ? '正在导出…' : format === 'xlsx' ? '导出 Excel' : '导出 CSV'}
              </button>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
