/**
 * Restoring a backup: one from the folder's list (by its name: browser mode never names server paths),
 * or another file the administrator chooses (desktop: its path; browser mode: uploaded first). Every
 * restore is checked first (backup.inspect) and shown — street, orders, newest order — and only then
 * confirmed; the backend keeps the current database aside before replacing it.
 */
import { useEffect, useRef, useState } from 'react';
import type { BackupFile, BackupInspection, RestoreResult } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { droppedPath, formatBytes, isDesktop, uploadFile } from '../ledger/fileTransfer.js';
import { formatTime } from '../orders/format.js';
import { ConfirmButton } from './ConfirmButton.js';

interface Candidate {
  /** What backup.inspect / backup.restore take: a backup's name, a path (desktop) or an upload reference. */
  file: string;
  label: string;
  inspection: BackupInspection;
}

export function describeInspection(b: BackupInspection): string {
  return (
    `${b.streetName ?? '未命名街道'}${b.demo ? '（演示数据）' : ''}，工单 ${b.orderCount} 件` +
    `${b.newestReceivedAt !== null ? `，最新一件受理于 ${formatTime(b.newestReceivedAt)}` : ''}，${formatBytes(b.bytes)}，完整性检查通过。`
  );
}

export function BackupRestore({ backups, onRestored, preselect }: { backups: BackupFile[]; onRestored(r: RestoreResult): void; preselect?: string | null }) {
  const client = useApi();
  const [candidate, setCandidate] = useState<Candidate | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<RestoreResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const preselected = useRef(false);

  const inspect = async (file: string, label: string) => {
    setBusy('正在检查备份文件（大文件需要一两分钟）…');
    setError(null);
    setDone(null);
    setCandidate(null);
    try {
      setCandidate({ file, label, inspection: await client.send('backup.inspect', { file }) });
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(null);
    }
  };

  // Opened from the start-up check's warning: check the backup it offers right away.
  useEffect(() => {
    if (!preselect || preselected.current) return;
    preselected.current = true;
    void inspect(preselect, preselect);
  });

  const chooseOther = async (f: File) => {
    if (isDesktop()) {
      const path = droppedPath(f);
      if (!path) return setError('无法读取所选文件的位置，请重试。');
      return inspect(path, f.name);
    }
    setBusy(`正在上传「${f.name}」…`);
    setError(null);
    try {
      const up = await uploadFile(f, (loaded, total) => setBusy(`正在上传「${f.name}」：${formatBytes(loaded)} / ${formatBytes(total)}`)).done;
      await inspect(up.path, f.name);
    } catch (e) {
      setBusy(null);
      setError(describeError(e).message);
    }
  };

  const restore = async (c: Candidate) => {
    setBusy('正在恢复：先保存当前数据库，再换上备份并重新打开…');
    setError(null);
    try {
      const result = await client.send('backup.restore', { file: c.file });
      setCandidate(null);
      setDone(result);
      onRestored(result);
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" data-testid="backup-restore">
      <header className="card__head">
        <h3>从备份恢复</h3>
        <span className="card__meta">共 {backups.length} 份备份</span>
      </header>
      <p className="card__desc">恢复前会先检查备份文件；恢复时当前数据库另存为 .bak 文件，不会删除。恢复后所有窗口显示备份中的数据。</p>
      {backups.length === 0 ? (
        <p className="page__hint">备份文件夹中还没有备份。</p>
      ) : (
        <table className="table" aria-label="备份列表">
          <thead>
            <tr>
              <th>备份时间</th>
              <th>文件名</th>
              <th>大小</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-backup={b.name}>
                <td>{formatTime(b.at)}</td>
                <td>{b.name}</td>
                <td>{formatBytes(b.bytes)}</td>
                <td>
                  <button type="button" className="btn btn--small" disabled={busy !== null} onClick={() => void inspect(b.name, b.name)}>
                    检查并恢复…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="card__foot">
        <input
          ref={fileInput}
          type="file"
          accept=".db,.bak,.sqlite,.sqlite3"
          hidden
          aria-label="选择备份文件"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void chooseOther(f);
          }}
        />
        <button type="button" className="btn" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
          {isDesktop() ? '选择其他备份文件…' : '上传备份文件…'}
        </button>
      </div>
      {busy && (
        <p className="page__hint" role="status">
          {busy}
        </p>
      )}
      {candidate && (
        <div className="card__warn" data-testid="backup-candidate">
          <p>
            <strong>{candidate.label}</strong>
            {candidate.inspection.takenAt !== null && `（备份于 ${formatTime(candidate.inspection.takenAt)}）`}：{describeInspection(candidate.inspection)}
          </p>
          <p>恢复后，该备份之后录入的工单和操作将不再显示（它们保留在另存的原数据库中）；所有用户需要重新登录，账号和密码以备份中的为准。</p>
          <ConfirmButton label="恢复到此备份" confirmLabel="确认恢复" onConfirm={() => void restore(candidate)} />
        </div>
      )}
      {done && (
        <p className="card__saved" role="status" data-testid="backup-restored">
          已恢复：{describeInspection(done.restored)}
          {done.previousSavedAs && ` 原数据库已另存为 ${done.previousSavedAs}。`}
        </p>
      )}
      {error && (
        <div className="card__error" role="alert">
          {error}
        </div>
      )}
    </section>
  );
}
