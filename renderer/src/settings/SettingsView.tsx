/** 设置: the administrator's pages, one per kind of rule or reference data, chosen in a side list. */
import { useState } from 'react';
import { BackupPage } from './BackupPage.js';
import { CategoriesPage } from './CategoriesPage.js';
import { DeadlinesPage } from './DeadlinesPage.js';
import { HolidaysPage } from './HolidaysPage.js';
import { RoutingPage } from './RoutingPage.js';
import { TemplatesPage } from './TemplatesPage.js';
import { UnitsPage } from './UnitsPage.js';
import { AccountsPage } from '../accounts/AccountsPage.js';

const PAGES = [
  { id: 'deadlines', label: '时限规则', Page: DeadlinesPage },
  { id: 'holidays', label: '节假日调整', Page: HolidaysPage },
  { id: 'units', label: '社区与科室', Page: UnitsPage },
  { id: 'categories', label: '问题分类', Page: CategoriesPage },
  { id: 'templates', label: '答复模板', Page: TemplatesPage },
  { id: 'routing', label: '派单规则', Page: RoutingPage },
  { id: 'backup', label: '数据备份', Page: BackupPage },
  { id: 'accounts', label: '账号管理', Page: AccountsPage },
] as const;
type PageId = (typeof PAGES)[number]['id'];

export function SettingsView() {
  const [page, setPage] = useState<PageId>('deadlines');
  const current = PAGES.find((p) => p.id === page)!;
  return (
    <section className="settings" aria-label="设置">
      <nav className="settings__nav" aria-label="设置项">
        <h2>设置</h2>
        {PAGES.map((p) => (
          <button key={p.id} type="button" className={`settings__tab${p.id === page ? ' settings__tab--active' : ''}`} aria-current={p.id === page ? 'page' : undefined} onClick={() => setPage(p.id)}>
            {p.label}
          </button>
        ))}
      </nav>
      <div className="settings__page">
        <current.Page />
      </div>
    </section>
  );
}
