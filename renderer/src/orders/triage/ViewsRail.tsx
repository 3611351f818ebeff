/**
 * The left rail of the 工单 view: 全部工单, the built-in views and the clerk's own and shared views,
 * each with its live count. Own views can be renamed, shared, moved up or down and deleted from the
 * small buttons that appear on the active one.
 */
import { useState } from 'react';
import type { SavedView } from '../../../../preload/api.js';
import { useApi } from '../../api/ApiContext.js';
import { useReportError } from '../../app/errors.js';
import { formatCount } from '../format.js';
import { ViewNameDialog } from './ViewNameDialog.js';

export const ALL_ORDERS = 'all';

interface Props {
  views: SavedView[] | null;
  counts: Record<string, number | null>;
  active: string;
  onPick(key: string): void;
  onChanged(): Promise<unknown>;
}

export function ViewsRail({ views, counts, active, onPick, onChanged }: Props) {
  const client = useApi();
  const report = useReportError();
  const [renaming, setRenaming] = useState<SavedView | null>(null);
  const builtins = views?.filter((v) => v.builtin !== null) ?? [];
  const mine = views?.filter((v) => v.builtin === null) ?? [];
  const own = mine.filter((v) => v.own);

  const run = (p: Promise<unknown>, what: string) => p.then(onChanged).catch((e: unknown) => report(e, what));
  const move = (v: SavedView, by: -1 | 1) => {
    const ids = own.map((x) => x.id!);
    const i = ids.indexOf(v.id!);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void run(client.send('views.reorder', { ids }), '调整视图顺序失败');
  };

  const item = (key: string, name: string, count: number | null | undefined, view?: SavedView) => {
    const on = key === active;
    return (
      <li key={key} className={`views__item${on ? ' views__item--active' : ''}`} data-view={key}>
        <button type="button" className="views__pick" aria-current={on ? 'true' : undefined} onClick={() => onPick(key)} title={view?.problem ?? name}>
          <span className="views__name">
            {name}
            {view?.shared && view.builtin === null && <span className="views__badge">{view.own ? '已共享' : `来自 ${view.owner ?? ''}`}</span>}
          </span>
          <span className="views__count" data-testid={`view-count-${key}`}>
            {view?.needsStaff ? '—' : count === undefined || count === null ? '…' : formatCount(count)}
          </span>
        </button>
        {on && view?.own && (
          <span className="views__tools">
            <button type="button" className="btn btn--small btn--icon" onClick={() => setRenaming(view)} title="重命名" aria-label={`重命名视图「${name}」`}>
              名
            </button>
            <button
              type="button"
              className="btn btn--small btn--icon"
              onClick={() => void run(client.send('views.update', { id: view.id!, version: view.version!, shared: !view.shared }), '修改共享失败')}
              title={view.shared ? '取消共享' : '共享给同事'}
              aria-label={view.shared ? `取消共享视图「${name}」` : `共享视图「${name}」`}
            >
              享
            </button>
            <button type="button" className="btn btn--small btn--icon" onClick={() => move(view, -1)} title="上移" aria-label={`上移视图「${name}」`}>
              ↑
            </button>
            <button type="button" className="btn btn--small btn--icon" onClick={() => move(view, 1)} title="下移" aria-label={`下移视图「${name}」`}>
              ↓
            </button>
            <button
              type="button"
              className="btn btn--small btn--icon btn--danger"
              onClick={() => {
                if (!window.confirm(`删除视图「${name}」？（工单不受影响）`)) return;
                onPick(ALL_ORDERS);
                void run(client.send('views.delete', { id: view.id! }), '删除视图失败');
              }}
              title="删除视图"
              aria-label={`删除视图「${name}」`}
            >
              删
            </button>
          </span>
        )}
      </li>
    );
  };

  return (
    <nav className="views" aria-label="视图" data-testid="views-rail">
      <ul className="views__list">
        {item(ALL_ORDERS, '全部工单', counts[ALL_ORDERS])}
        {builtins.map((v) => item(v.key, v.name, counts[v.key], v))}
      </ul>
      <div className="views__heading">自定义视图</div>
      <ul className="views__list">
        {mine.length === 0 && <li className="views__empty">筛选后点「保存为视图」</li>}
        {mine.map((v) => item(v.key, v.name, counts[v.key], v))}
      </ul>
      {renaming && (
        <ViewNameDialog
          title="重命名视图"
          initial={renaming.name}
          onCancel={() => setRenaming(null)}
          onSubmit={async (name) => {
            await client.send('views.update', { id: renaming.id!, version: renaming.version!, name });
            setRenaming(null);
            await onChanged();
          }}
        />
      )}
    </nav>
  );
}
