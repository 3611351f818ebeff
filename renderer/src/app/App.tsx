/**
 * The shell: top bar (接诉台 · street · order count), the 演示数据 banner for a demo database, the left
 * rail of views and the work area. API failures show in the error banner.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useOrdersChangedSignal } from '../api/usePush.js';
import { DashboardView } from '../dashboard/DashboardView.js';
import { ExportView } from '../ledger/ExportView.js';
import { HotspotsView } from '../hotspots/HotspotsView.js';
import { ImportView } from '../ledger/ImportView.js';
import { OrdersView } from '../orders/OrdersView.js';
import { ReportsView } from '../reports/ReportsView.js';
import { formatCount } from '../orders/format.js';
import { SettingsView } from '../settings/SettingsView.js';
import { AccountMenu } from '../accounts/AccountMenu.js';
import { BackupAlert } from '../settings/BackupAlert.js';
import { ErrorBanner, useReportError } from './errors.js';
import { NavigationContext, type Navigation, type OrdersRequest } from './navigation.js';

type ViewId = 'dashboard' | 'orders' | 'hotspots' | 'reports' | 'import' | 'export' | 'settings';

interface RailView {
  id: ViewId;
  label: string;
  icon: string;
}

/** The work views, top of the rail. */
const VIEWS: RailView[] = [
  { id: 'dashboard', label: '首页', icon: '首' },
  { id: 'orders', label: '工单', icon: '单' },
  { id: 'hotspots', label: '热点', icon: '热' },
  { id: 'reports', label: '报表', icon: '报' },
  { id: 'import', label: '导入', icon: '入' },
  { id: 'export', label: '导出', icon: '出' },
];
/** Views that stay mounted (hidden) once opened: an import keeps reading while the clerk looks at the grid. */
const KEPT_VIEWS: ReadonlySet<ViewId> = new Set(['import', 'export']);
/** Every view of the rail (navigation.show ignores anything else). */
const VIEW_IDS = new Set<ViewId>(['dashboard', 'orders', 'hotspots', 'reports', 'import', 'export', 'settings']);
/** Administration, at the bottom of the rail. */
const ADMIN_VIEWS: RailView[] = [{ id: 'settings', label: '设置', icon: '设' }];

export function App() {
  const client = useApi();
  const report = useReportError();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [view, setView] = useState<ViewId>('orders');
  const [opened, setOpened] = useState<ReadonlySet<ViewId>>(() => new Set(['orders']));
  const show = (id: ViewId) => {
    setView(id);
    if (KEPT_VIEWS.has(id)) setOpened((o) => (o.has(id) ? o : new Set([...o, id])));
  };
  const changed = useOrdersChangedSignal();
  // Drill-downs from the dashboard, reports and hotspots: the 工单 view shows exactly those orders.
  const [ordersRequest, setOrdersRequest] = useState<OrdersRequest | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      show: (id) => {
        if (VIEW_IDS.has(id as ViewId)) show(id as ViewId);
      },
      openOrders: (request) => {
        // A new object each time, so opening the same figure twice applies it again.
        setOrdersRequest({ ...request });
        show('orders');
      },
    }),
    // Empty deps: `show` only sets state.
    [],
  );

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
    <NavigationContext.Provider value={navigation}>
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
        <AccountMenu />
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
            <RailButton key={v.id} view={v} active={view === v.id} onClick={() => show(v.id)} />
          ))}
          <div className="rail__spacer" />
          {ADMIN_VIEWS.map((v) => (
            <RailButton key={v.id} view={v} active={view === v.id} onClick={() => show(v.id)} />
          ))}
        </nav>
        <main className="workspace">
          <ErrorBanner />
          {/* The start-up integrity check's verdict arrives in the background; a failure shows on every view
              (设置 shows it on its 数据备份 page, with the restore button). */}
          {view !== 'settings' && <BackupAlert />}
          {view === 'orders' && <OrdersView request={ordersRequest} />}
          {view === 'hotspots' && <HotspotsView />}
          {view === 'reports' && <ReportsView />}
          {opened.has('import') && (
            <div className="workspace__kept" hidden={view !== 'import'}>
              <ImportView onOpenOrders={() => show('orders')} />
            </div>
          )}
          {opened.has('export') && (
            <div className="workspace__kept" hidden={view !== 'export'}>
              <ExportView visible={view === 'export'} />
            </div>
          )}
          {view === 'settings' && <SettingsView />}
          {view === 'dashboard' && <DashboardView />}
        </main>
      </div>
    </div>
    </NavigationContext.Provider>
  );
}

function RailButton({ view, active, onClick }: { view: RailView; active: boolean; onClick(): void }) {
  return (
    <button type="button" className={`rail__item${active ? ' rail__item--active' : ''}`} aria-current={active ? 'page' : undefined} onClick={onClick}>
      <span className="rail__icon" aria-hidden>
        {view.icon}
      </span>
      <span className="rail__label">{view.label}</span>
    </button>
  );
}
