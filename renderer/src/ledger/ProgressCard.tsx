/** The import's progress: which step, how far (bytes while uploading and reading, rows after), and 取消. */
import { formatCount } from '../orders/format.js';
import { formatBytes } from './fileTransfer.js';
import type { Phase } from './useImportSession.js';

const STEP: Record<Phase, string> = {
  upload: '正在上传',
  read: '正在读取',
  plan: '正在比对',
  commit: '正在写入',
};

const NEXT: Record<Phase, string> = {
  upload: '上传后读取文件并预览，尚未写入任何内容。',
  read: '读取后列出将新增和更新的工单，尚未写入任何内容。',
  plan: '正在与已有工单逐件比对，尚未写入任何内容。',
  commit: '正在一次性写入；取消则全部撤回，数据保持导入前的样子。',
};

export function ProgressCard({ phase, name, done, total, onCancel }: { phase: Phase; name: string; done: number; total: number; onCancel(): void }) {
  const known = total > 0;
  const percent = known ? Math.min(100, Math.floor((done / total) * 100)) : null;
  const amount = !known ? '' : phase === 'upload' || phase === 'read' ? `${formatBytes(done)} / ${formatBytes(total)}` : `${formatCount(done)} / ${formatCount(total)} 行`;
  return (
    <div className="card ledger-progress" data-testid="import-progress" aria-busy="true">
      <div className="card__head">
        <h3>
          {STEP[phase]}「{name}」…
        </h3>
        <span className="card__meta" data-testid="import-progress-amount">
          {percent !== null && `${percent}%`} {amount}
        </span>
      </div>
      <progress className="ledger-progress__bar" max={known ? total : undefined} value={known ? done : undefined} aria-label={`${STEP[phase]}进度`} />
      <p className="card__desc">{NEXT[phase]}</p>
      <div className="card__foot">
        <button type="button" className="btn" onClick={onCancel} autoFocus>
          取消
        </button>
      </div>
    </div>
  );
}
