/**
 * The preview of an import, before anything is written: the counts, what changed upstream per updated
 * order, the rejected rows with their spreadsheet row numbers and reasons, the columns not imported,
 * categories that will be added, warnings, and how the columns were read. 确认导入 commits it.
 */
import { useEffect, useRef } from 'react';
import { IMPORT_FIELD, type ImportPreview, type UpstreamChange } from '../../../preload/api.js';
import { formatCount } from '../orders/format.js';

const ENCODING: Record<string, string> = { 'utf-8': 'UTF-8', gbk: 'GBK', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

function Count({ id, label, value, tone, hint }: { id: string; label: string; value: number; tone: string; hint?: string }) {
  return (
    <div className={`ledger-count ledger-count--${tone}`} data-testid={`count-${id}`} title={hint}>
      <span className="ledger-count__value">{formatCount(value)}</span>
      <span className="ledger-count__label">{label}</span>
    </div>
  );
}

const blank = (v: string | null) => v === null || v === '';

function ChangeLine({ change }: { change: UpstreamChange }) {
  return (
    <li className={`ledger-change ledger-change--${change.kind}`}>
      <span className="ledger-change__label">{change.label}</span>
      {blank(change.before) ? <span className="ledger-change__none">（无）</span> : <span className="ledger-change__before">{change.before}</span>}
      <span aria-label="改为">→</span>
      <span className="ledger-change__after">{blank(change.after) ? '（清空）' : change.after}</span>
    </li>
  );
}

const SHOWN_CATEGORIES = 12;

/** New categories as compact tags; a long list folds away behind 「全部 N 个」. */
function CategoryTags({ paths }: { paths: string[] }) {
  const tag = (c: string) => (
    <span key={c} className="tag">
      {c.split('/').join(' › ')}
    </span>
  );
  if (paths.length <= SHOWN_CATEGORIES) return <p className="ledger-tags">{paths.map(tag)}</p>;
  return (
    <>
      <p className="ledger-tags">{paths.slice(0, SHOWN_CATEGORIES).map(tag)}</p>
      <details className="ledger-more">
        <summary>全部 {paths.length} 个</summary>
        <p className="ledger-tags">{paths.slice(SHOWN_CATEGORIES).map(tag)}</p>
      </details>
    </>
  );
}

export function ImportPreviewCard({ preview: p, onCommit, onCancel }: { preview: ImportPreview; onCommit(): void; onCancel(): void }) {
  const head = useRef<HTMLHeadingElement>(null);
  // The preview replaces the progress bar: put the keyboard (and a screen reader) on it.
  useEffect(() => head.current?.focus(), [p.token]);
  const writes = p.new + p.updated;
  const fileFacts = [
    p.file.kind === 'xlsx' ? `Excel 工作簿${p.file.sheet ? `，工作表「${p.file.sheet}」` : ''}` : `CSV 文本，${ENCODING[p.file.encoding ?? ''] ?? p.file.encoding ?? '编码未知'} 编码`,
    `表头在第 ${p.file.headerRow} 行`,
  ].join('，');

  return (
    <div className="card ledger-preview" data-testid="import-preview">
      <div className="card__head">
        <h3 ref={head} tabIndex={-1}>
          预览「{p.file.name}」
        </h3>
        <span className="card__meta">{fileFacts}</span>
      </div>

      <div className="ledger-counts" role="group" aria-label="导入结果预览">
        <Count id="new" label="新增" value={p.new} tone="new" hint="库中没有的工单编号，将新建工单" />
        <Count id="updated" label="更新" value={p.updated} tone="updated" hint="平台上有变化的工单，将更新并记入办理记录" />
        <Count id="unchanged" label="未变" value={p.unchanged} tone="unchanged" hint="与库中一致，不作改动" />
        <Count id="rejected" label="拒绝" value={p.rejectedCount} tone="rejected" hint="无法导入的行（见下方原因）" />
        <Count id="duplicates" label="文件内重复" value={p.duplicatesInFile} tone="dup" hint="同一工单编号在文件中出现多次：以最后一行为准，前面的行计为重复" />
      </div>
      {writes === 0 && p.rejectedCount === 0 && (
        <p className="ledger__ok" data-testid="import-nothing-new">
          文件中的工单与库中完全一致，导入不会改动任何工单。
        </p>
      )}

      {p.changes.length > 0 && (
        <section className="ledger-section" aria-label="上游变化">
          <h4>
            上游变化<span className="ledger-section__note">（平台上已改变的内容；街道自己的办理记录不受影响）</span>
          </h4>
          <table className="table" data-testid="import-changes">
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">工单编号</th>
                <th scope="col">变化</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((u) => (
                <tr key={`${u.row}-${u.orderNo}`}>
                  <td className="ledger-num">第 {u.row} 行</td>
                  <td>{u.orderNo}</td>
                  <td>
                    <ul className="ledger-changes">
                      {u.changes.map((c, i) => (
                        <ChangeLine key={i} change={c} />
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.updated > p.changes.length && <p className="field__hint">共 {formatCount(p.updated)} 件更新，此处列出前 {formatCount(p.changes.length)} 件。</p>}
        </section>
      )}

      {p.rejected.length > 0 && (
        <section className="ledger-section" aria-label="拒绝的行">
          <h4>
            拒绝的行<span className="ledger-section__note">（不会导入；请在平台或表格中补正后重新导入）</span>
          </h4>
          <table className="table" data-testid="import-rejected">
            <thead>
              <tr>
                <th scope="col">行号</th>
                <th scope="col">原因</th>
              </tr>
            </thead>
            <tbody>
              {p.rejected.map((r) => (
                <tr key={r.row}>
                  <td className="ledger-num">第 {r.row} 行</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.rejectedCount > p.rejected.length && <p className="field__hint">共 {formatCount(p.rejectedCount)} 行被拒绝，此处列出前 {formatCount(p.rejected.length)} 行。</p>}
        </section>
      )}

      {p.ignoredColumns.length > 0 && (
        <section className="ledger-section" aria-label="未导入的列" data-testid="import-ignored">
          <h4>
            未导入的列<span className="ledger-section__note">（不认识的表头；如需导入，请新建列映射方案说明其含义）</span>
          </h4>
          <p className="ledger-tags">
            {p.ignoredColumns.map((c) => (
              <span key={c} className="tag">
                {c}
              </span>
            ))}
          </p>
        </section>
      )}

      {p.newCategories.length > 0 && (
        <section className="ledger-section" aria-label="新的问题分类">
          <h4>
            将新增的问题分类<span className="ledger-section__note">（分类表中还没有，导入时一并加入）</span>
          </h4>
          <CategoryTags paths={p.newCategories} />
        </section>
      )}

      {p.warnings.length > 0 && (
        <section className="ledger-section" aria-label="提示">
          <h4>提示</h4>
          <ul className="ledger-list ledger-list--warn" data-testid="import-warnings">
            {p.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}

      <details className="ledger-section ledger-mapping">
        <summary>各列的识别结果（{p.mappedColumns.length} 列）</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">文件中的表头</th>
              <th scope="col">导入为</th>
            </tr>
          </thead>
          <tbody>
            {p.mappedColumns.map((m) => (
              <tr key={m.column}>
                <td>{m.column}</td>
                <td>{IMPORT_FIELD.label[m.field]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <div className="card__foot ledger-preview__foot">
        <span className="ledger-preview__sum">
          {writes > 0 ? `确认后将新增 ${formatCount(p.new)} 件、更新 ${formatCount(p.updated)} 件工单。` : '确认后不会改动任何工单。'}
        </span>
        <button type="button" className="btn" onClick={onCancel}>
          取消
        </button>
        <button type="button" className="btn btn--primary" onClick={onCommit} data-testid="import-commit">
          确认导入
        </button>
      </div>
    </div>
  );
}
