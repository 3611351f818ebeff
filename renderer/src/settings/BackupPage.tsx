/**
 * 数据备份: where backups go (the administrator picks the folder, typically a shared drive), how many
 * are kept, the state of the automatic backups with a 「立即备份」 button, and restore from a backup.
 * The start-up check's warning (if the database failed it) heads the page with its suggested backup.
 */
import { useCallback, useState } from 'react';
import type { BackupStatus, SettingEntry, SettingKey } from '../../../preload/api.js';
import { BACKUP_TRIGGER } from '../../../preload/contract/methods/backup.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { formatBytes } from '../ledger/fileTransfer.js';
import { formatTime } from '../orders/format.js';
import { BackupAlert } from './BackupAlert.js';
import { BackupRestore } from './BackupRestore.js';
import { SettingCard } from './SettingCard.js';
import { useLoad } from './useLoad.js';

const pick = <K extends SettingKey>(list: SettingEntry[], key: K) => list.find((e) => e.key === key) as Extract<SettingEntry, { key: K }> | undefined;

function StatusCard({ status, onRan }: { status: BackupStatus; onRan(): void }) {
  const client = useApi();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const last = status.lastAttempt;
  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const r = await client.send('backup.run', {});
      setMessage({ ok: true, text: `已备份并通过完整性检查：${r.backup.name}（${formatBytes(r.backup.bytes)}）${r.removed.length ? `，按保留规则删除了 ${r.removed.length} 份旧备份` : ''}。` });
      onRan();
    } catch (e) {
      setMessage({ ok: false, text: describeError(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="backup-status">
      <header className="card__head">
        <h3>自动备份</h3>
        <span className="card__meta">启动后及每天一次，备份经完整性检查后才保存</span>
      </header>
      <dl className="detail__fields">
        <dt>备份文件夹</dt>
        <dd>{status.folder ?? '（未设置）'}{status.folderIsDefault && '（默认：数据库旁的 backups 文件夹）'}</dd>
        <dt>最新备份</dt>
        <dd>{status.newest ? `${formatTime(status.newest.at)}，${status.newest.name}，${formatBytes(status.newest.bytes)}` : '还没有备份'}</dd>
        <dt>本次运行</dt>
        <dd>{last ? `${formatTime(last.at)} ${BACKUP_TRIGGER.label[last.trigger]}${last.ok ? '成功' : `失败：${last.message ?? ''}`}` : '尚未备份（今天已有备份时，启动时不再重复备份）'}</dd>
        <dt>下次自动备份</dt>
        <dd>{status.nextScheduledAt !== null ? formatTime(status.nextScheduledAt) : '—'}</dd>
      </dl>
      {last && !last.ok && <p className="card__warn">上次自动备份失败：{last.message}</p>}
      {message && (
        <p className={message.ok ? 'card__saved' : 'card__error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <footer className="card__foot">
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void run()}>
          {busy ? '正在备份…' : '立即备份'}
        </button>
      </footer>
    </section>
  );
}

export function BackupPage() {
  const client = useApi();
  const load = useCallback(
    async () => {
      const [settings, status, backups] = await Promise.all([client.send('settings.list', {}), client.send('backup.status', {}), client.send('backup.list', {})]);
      return { settings, status, backups };
    },
    [client],
  );
  const { data, error, reload } = useLoad(load);
  const [preselect, setPreselect] = useState<string | null>(null);
  if (error) return <p className="page__error">{error}</p>;
  if (!data) return <p className="page__hint">正在读取…</p>;
  const folder = pick(data.settings, 'backup.folder');
  const keep = pick(data.settings, 'backup.keep');

  return (
    <div className="page">
      <h2 className="page__title">数据备份</h2>
      <BackupAlert onRestore={(name) => setPreselect(name)} />
      <p className="page__intro">
        接诉台在启动后和每天自动备份数据库，备份先通过完整性检查才保存，并按保留规则删除旧备份。建议把备份文件夹设在另一块磁盘或共享盘上：本机硬盘损坏时，备份仍在。
      </p>
      <StatusCard status={data.status} onRan={reload} />
      {folder && (
        <SettingCard
          entry={folder}
          title="备份文件夹"
          description="填写完整路径，如 D:\接诉台备份 或 \\服务器\共享\接诉台备份；留空则使用数据库旁的 backups 文件夹。共享盘未连接时备份会失败并在此提示，不会改存到本机。"
        >
          {(v, set) => (
            <input
              type="text"
              size={60}
              aria-label="备份文件夹"
              placeholder="（默认：数据库旁的 backups 文件夹）"
              value={v ?? ''}
              onChange={(e) => set(e.target.value.trim() === '' ? null : e.target.value)}
            />
          )}
        </SettingCard>
      )}
      {keep && (
        <SettingCard
          entry={keep}
          title="备份保留份数"
          description="保留最近若干天每天最新的一份、若干周每周一份、若干月每月一份；最新的一份总会保留。"
          check={(v) => ([v.daily, v.weekly, v.monthly].every((n) => Number.isInteger(n) && n >= 0) ? null : '保留份数应为不小于 0 的整数。')}
        >
          {(v, set) => (
            <span className="inline-field">
              {(
                [
                  ['daily', '天'],
                  ['weekly', '周'],
                  ['monthly', '月'],
                ] as const
              ).map(([k, unit]) => (
                <label key={k} className="inline-field">
                  {unit === '天' ? '最近' : ''}
                  <input type="number" min={0} className="input--short" aria-label={`按${unit}保留份数`} value={Number.isFinite(v[k]) ? v[k] : ''} onChange={(e) => set({ ...v, [k]: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
                  {unit}
                </label>
              ))}
            </span>
          )}
        </SettingCard>
      )}
      <BackupRestore key={preselect ?? ''} backups={data.backups} preselect={preselect} onRestored={reload} />
    </div>
  );
}
