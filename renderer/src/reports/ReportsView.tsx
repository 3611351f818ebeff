/**
 * 报表: the street's 日通报, 周汇报 and 月度分析 for a chosen day, previewed as the A4 pages that will
 * be printed, then printed, or saved as PDF or Word. Figures of the 三率 and 存量/增量 open their orders
 * in the 工单 grid; hotspot counts open theirs.
 */
import { useContext, useEffect, useRef, useState } from 'react';
import { REPORT_KIND, type OrderFilter, type ReportFormat, type ReportKind, type ReportPreview } from '../../../preload/api.js';
import { beijingDay } from '../../../preload/contract/time.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { NavigationContext } from '../app/navigation.js';
import { startDownload } from '../ledger/fileTransfer.js';
import { Choices } from '../ui/Field.js';
import { mountSheets, printSheets, type SheetClick } from './sheets.js';
import '../styles/reports.css';

const KIND_HINT: Record<ReportKind, string> = {
  daily: '所选日期的通报时间窗（默认前一日12:00至当日12:00）',
  weekly: '所选日期所在的周（周一至周日）',
  monthly: '所选日期所在的考核月',
};

const FORMAT_NAME: Record<ReportFormat, string> = { pdf: 'PDF', docx: 'Word 文档', html: '网页' };

export function ReportsView() {
  const client = useApi();
  const nav = useContext(NavigationContext);
  const [kind, setKind] = useState<ReportKind>('weekly');
  const [date, setDate] = useState(() => beijingDay(Date.now()));
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const host = useRef<HTMLDivElement>(null);

  const generate = async () => {
    setBusy('正在生成…');
    setMessage(null);
    try {
      setPreview(await client.send('reports.build', { kind, date }));
    } catch (e) {
      setMessage({ error: true, text: describeError(e, '生成报表失败').message });
    } finally {
      setBusy(null);
    }
  };

  const onClick = (c: SheetClick) => {
    if (!nav) return;
    if (c.kind === 'orders') {
      if (c.ids.length > 0) nav.openOrders({ filter: { orderIds: c.ids }, title: c.title });
      return;
    }
    if (c.kind === 'filter') {
      nav.openOrders({ filter: JSON.parse(c.json) as OrderFilter, title: c.title });
      return;
    }
    client.send('assessment.orders', JSON.parse(c.json) as never).then(
      (r) => {
        if (r.orderIds.length > 0) nav.openOrders({ filter: { orderIds: r.orderIds }, title: r.title });
        else setMessage({ error: false, text: `「${r.title}」没有对应的工单。` });
      },
      (e: unknown) => setMessage({ error: true, text: describeError(e, '读取数字背后的工单失败').message }),
    );
  };
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    if (!preview || !host.current) return;
    return mountSheets(host.current, preview, (c) => clickRef.current(c));
  }, [preview]);

  const save = async (format: ReportFormat) => {
    if (!preview) return;
    setBusy(`正在保存为${FORMAT_NAME[format]}…`);
    setMessage(null);
    try {
      const target = await client.send('files.pickExportTarget', { name: preview.fileName, format });
      if (!target) return;
      const saved = await client.send('reports.save', { kind: preview.kind, date, format, path: target.path });
      if (target.downloadUrl) startDownload(target.downloadUrl, target.name);
      setMessage({ error: false, text: target.downloadUrl ? `浏览器正在下载「${target.name}」。` : `已保存到 ${saved.path}` });
    } catch (e) {
      setMessage({ error: true, text: describeError(e, '保存报表失败').message });
    } finally {
      setBusy(null);
    }
  };

  const stale = preview !== null && preview.kind !== kind;
  return (
    <section className="reports" aria-label="报表">
      <div className="reports__toolbar">
        <h2 className="reports__title">报表</h2>
        <Choices legend="报表类型" name="report-kind" value={kind} options={REPORT_KIND.codes.map((k) => ({ value: k, label: REPORT_KIND.label[k] }))} onChange={setKind} />
        <label className="reports__date">
          <span className="field__label">日期</span>
          <input type="date" value={date} required onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="report-date" />
        </label>
        <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void generate()} data-testid="report-generate">
          生成
        </button>
        <span className="reports__spacer" />
        <button type="button" className="btn" disabled={!preview || busy !== null} onClick={() => preview && printSheets(preview)} data-testid="report-print">
          打印
        </button>
        <button type="button" className="btn" disabled={!preview || busy !== null} onClick={() => void save('pdf')} data-testid="report-save-pdf">
          保存为 PDF
        </button>
        <button type="button" className="btn" disabled={!preview || busy !== null} onClick={() => void save('docx')} data-testid="report-save-docx">
          保存为 Word
        </button>
      </div>
      <p className="reports__hint">
        {KIND_HINT[kind]}。
        {preview ? `${preview.title}${preview.subtitle}，共 ${preview.pageCount} 页。` : '选择报表类型和日期后点击「生成」，预览与打印、PDF 的分页完全一致。'}
        {preview && nav ? '点击带下划线的数字可查看对应工单。' : ''}
        {stale ? '（预览仍是上次生成的报表，请重新生成。）' : ''}
      </p>
      {busy && <p className="reports__status" role="status">{busy}</p>}
      {message && (
        <p className={message.error ? 'reports__message reports__message--error' : 'reports__message'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="reports__preview">{preview && <div ref={host} className="reports__sheets" data-testid="report-preview" data-pages={preview.pageCount} />}</div>
    </section>
  );
}
