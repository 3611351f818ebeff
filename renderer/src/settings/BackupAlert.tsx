/**
 * The start-up integrity check's verdict, shown when it arrives. The check runs in the background after
 * the window opens (it can take a minute on a big database), so the page asks once with `wait: true`
 * and the reply comes when the check is done. A failed check is shown as an alert with the newest
 * backup that passed its own check and a button to restore it; a passed check shows nothing.
 */
import { useEffect, useState } from 'react';
import type { StartupCheck } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { formatTime } from '../orders/format.js';

export function useStartupCheck(): StartupCheck | null {
  const client = useApi();
  const [check, setCheck] = useState<StartupCheck | null>(null);
  useEffect(() => {
    let live = true;
    client.send('backup.startupCheck', { wait: true }).then(
      (c) => live && setCheck(c),
      // No verdict to show (e.g. not allowed to read it): nothing is shown.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return check;
}

/** `onRestore` opens the restore of the offered backup (by its name in the backup folder). */
export function BackupAlert({ onRestore }: { onRestore?(backupName: string): void }) {
  const check = useStartupCheck();
  if (!check || check.ok) return null;
  const b = check.suggestedBackup;
  return (
    <div className="card__error" role="alert" data-testid="startup-check-failed">
      <p>
        <strong>数据库可能已损坏。</strong>
        {check.problem}
      </p>
      {b ? (
        <p>
          最近的完好备份：{b.name}（{formatTime(b.at)}）。
          {onRestore ? (
            <button type="button" className="btn btn--danger" onClick={() => onRestore(b.name)}>
              检查并从该备份恢复…
            </button>
          ) : (
            '请管理员在「设置 → 数据备份」中检查并从该备份恢复。'
          )}
        </p>
      ) : (
        <p>备份文件夹中没有通过检查的备份，请立即联系技术支持，在此之前请勿继续录入。</p>
      )}
    </div>
  );
}
