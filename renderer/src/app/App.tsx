/**
 * The shell: top bar (接诉台 · street · order count), the 演示数据 banner for a demo database, the left
 * rail of views (only 工单 for now) and the work area. API failures show in the error banner.
 */
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { OrdersView } from '../orders/OrdersView.js';
import { formatCount } from '../orders/format.js';
import { ErrorBanner, useReportError } from './errors.js';

type ViewId = 'orders';

const VIEWS: Array<{ id: ViewId; label: string; icon: string }> = [{ id: 'orders', label: '工单', icon: '单' }];

export function App() {
  const client = useApi();
  const report = useReportError();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [view, setView] = useState<ViewId>('orders');
  const changed = useOrdersChangedSignal();

  useEffect(() => {
    let live = true;
    client.send('app.info', {}).then(
      (i) => live && setInfo(i),
      (e: unknown) => live && report(e, '读取数据库信息失败'),
    );
    return () => {
      live = false;
    };
  }, [client, report, changed]);

  useEffect(() => {
    document.title = info ? `接诉台 · ${info.streetName}${info.demo ? '（演示数据）' : ''}` : '接诉台';
  }, [info]);

  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar__brand">接诉台</span>
        {info && (
          <>
            <span className="topbar__dot">·</span>
            <span className="topbar__street">{info.streetName}</span>
            <span className="topbar__dot">·</span>
            <span className="topbar__count">工单 {formatCount(info.orderCount)} 件</span>
          </>
        )}
      </header>
      {info?.demo && (
        <div className="demo-banner" role="note" data-testid="demo-banner">
          <strong>演示数据</strong>
          <span>当前打开的是演示数据库，其中的工单、诉求人和电话均为虚构，请勿用于实际办理。</span>
        </div>
      )}
      <div className="app__body">
        <nav className="rail" aria-label="功能">
          {VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              className={`rail__item${view === v.id ? ' rail__item--active' : ''}`}
              aria-current={view === v.id ? 'page' : undefined}
              onClick={() => setView(v.id)}
            >
              <span className="rail__icon" aria-hidden>
                {v.icon}
              </span>
              <span className="rail__label">{v.label}</span>
            </button>
          ))}
        </nav>
        <main className="workspace">
          <ErrorBanner />
          {view === 'orders' && <OrdersView />}
        </main>
      </div>
    </div>
  );
}
