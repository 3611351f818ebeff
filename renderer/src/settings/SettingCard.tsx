/**
 * One setting on a page: its editor, which version it is, and a save that carries the version it read.
 * A stale save (someone saved it meanwhile) shows the backend's Chinese message, which says what they
 * saved, and offers to read the current value again; nothing typed is thrown away before that.
 */
import { useState, type ReactNode } from 'react';
import type { SettingChange, SettingEntry, SettingKey, SettingValue } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { formatTime } from '../orders/format.js';

type Entry<K extends SettingKey> = Extract<SettingEntry, { key: K }>;

interface Props<K extends SettingKey> {
  entry: Entry<K>;
  title: string;
  description?: ReactNode;
  children(draft: SettingValue<K>, setDraft: (v: SettingValue<K>) => void): ReactNode;
  /** A client-side check before saving; the Chinese reason, or null. */
  check?(draft: SettingValue<K>): string | null;
}

export function SettingCard<K extends SettingKey>({ entry: initial, title, description, children, check }: Props<K>) {
  const client = useApi();
  const [entry, setEntry] = useState(initial);
  const [draft, setDraft] = useState<SettingValue<K>>(initial.value as SettingValue<K>);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const [saved, setSaved] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(entry.value);

  const save = async () => {
    const problem = check?.(draft);
    if (problem) return setError({ text: problem, stale: false });
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const next = await client.send('settings.set', { key: entry.key, value: draft, version: entry.version } as SettingChange);
      setEntry(next as Entry<K>);
      setDraft(next.value as SettingValue<K>);
      setSaved(true);
    } catch (e) {
      setError({ text: describeError(e).message, stale: isAppError(e) && e.code === 'STALE_VERSION' });
    } finally {
      setBusy(false);
    }
  };

  const reread = async () => {
    try {
      const fresh = await client.send('settings.get', { key: entry.key });
      setEntry(fresh as Entry<K>);
      setDraft(fresh.value as SettingValue<K>);
      setError(null);
    } catch (e) {
      setError({ text: describeError(e).message, stale: false });
    }
  };

  return (
    <section className="card" data-testid={`setting-${entry.key}`}>
      <header className="card__head">
        <h3>{title}</h3>
        <span className="card__meta">
          {entry.isDefault ? '默认值' : `第 ${entry.version} 版`}
          {entry.updatedAt !== null && ` · ${formatTime(entry.updatedAt)} 保存`}
        </span>
      </header>
      {description && <p className="card__desc">{description}</p>}
      {entry.problem && <p className="card__warn">{entry.problem}</p>}
      <div className="card__body">{children(draft, (v) => (setDraft(v), setSaved(false)))}</div>
      {error && (
        <div className="card__error" role="alert">
          {error.text}
          {error.stale && (
            <button type="button" className="btn btn--small" onClick={() => void reread()}>
              重新读取
            </button>
          )}
        </div>
      )}
      <footer className="card__foot">
        {saved && !dirty && (
          <span className="card__saved" role="status">
            已保存
          </span>
        )}
        <button type="button" className="btn" disabled={!dirty || busy} onClick={() => (setDraft(entry.value as SettingValue<K>), setError(null))}>
          撤销修改
        </button>
        <button type="button" className="btn btn--primary" disabled={!dirty || busy} onClick={() => void save()}>
          {busy ? '正在保存…' : '保存'}
        </button>
      </footer>
    </section>
  );
}
