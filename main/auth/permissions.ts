/**
 * Who may call what: THE permission table, one entry per contract method, checked by the dispatcher
 * before any handler runs (guard.ts). Hidden buttons in the UI are a courtesy; this is the rule.
 *
 * The table must name every method of the contract and nothing else (`satisfies` + NoExtra below):
 * a new method fails `tsc` here until someone decides who may call it.
 */
import type { MethodArgs, MethodName } from '../../preload/api.js';
import type { Role } from '../../preload/contract/methods/accounts.js';

/**
 * - public:  callable before login (the login screen);
 * - session: any logged-in account, even one that must change its password first;
 * - read:    every role: looking at orders (citizen data masked), settings, figures;
 * - intake:  签收, 派单, 异议, 延期审批, 标记, 回访登记, 导入 (派单员);
 * - handle:  联系诉求人, 办结反馈, 申请延期 (承办人);
 * - report:  exports and reports that leave the building (统计);
 * - reveal:  a citizen's full name and phone (logged on the order);
 * - admin:   accounts, settings, units, backups and restore (管理员).
 */
export type Capability = 'public' | 'session' | 'read' | 'intake' | 'handle' | 'report' | 'reveal' | 'admin';

export const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  admin: new Set<Capability>(['read', 'intake', 'handle', 'report', 'reveal', 'admin']),
  // The center's dispatcher follows every order through: reveal to call the citizen back on objections.
  dispatcher: new Set<Capability>(['read', 'intake', 'report', 'reveal']),
  handler: new Set<Capability>(['read', 'handle', 'reveal']),
  analyst: new Set<Capability>(['read', 'report']),
  viewer: new Set<Capability>(['read']),
};

const TABLE = {
  // accounts and sessions
  'accounts.loginInfo': 'public',
  'accounts.login': 'public',
  'accounts.resume': 'public',
  'accounts.logout': 'session',
  'accounts.whoami': 'session',
  'accounts.changePassword': 'session',
  'accounts.list': 'admin',
  'accounts.create': 'admin',
  'accounts.update': 'admin',
  'accounts.resetPassword': 'admin',
  'orders.revealCitizen': 'reveal',
  // the app and the grid
  'app.info': 'read',
  'units.list': 'read',
  'orders.page': 'read',
  'orders.count': 'read',
  'orders.position': 'read',
  'orders.facets': 'read',
  'orders.get': 'read',
  'orders.timeline': 'read',
  'orders.suggestLead': 'read',
  'views.list': 'read',
  'views.counts': 'read',
  // saved views and layouts are each clerk's own
  'views.create': 'read',
  'views.update': 'read',
  'views.reorder': 'read',
  'views.delete': 'read',
  'views.saveLayout': 'read',
  'bulk.preview': 'read',
  'bulk.apply': 'intake',
  // workflow
  'workflow.assignOptions': 'read',
  'workflow.accept': 'intake',
  'workflow.assign': 'intake',
  'workflow.raiseObjection': 'intake',
  'workflow.decideObjection': 'intake',
  'workflow.decideExtension': 'intake',
  'workflow.recordCallback': 'intake',
  'workflow.reopen': 'intake',
  'workflow.setDifficult': 'intake',
  'workflow.setUnreasonable': 'intake',
  'workflow.setSupervised': 'intake',
  'workflow.setTag': 'intake',
  'workflow.linkDuplicate': 'intake',
  'workflow.unlinkDuplicate': 'intake',
  'workflow.contact': 'handle',
  'workflow.reply': 'handle',
  'workflow.requestExtension': 'handle',
  'workflow.copyReplyToDuplicates': 'handle',
  'templates.render': 'read',
  // ledger import / export
  'import.preview': 'intake',
  'import.commit': 'intake',
  'import.cancel': 'intake',
  'import.presets.list': 'read',
  'import.presets.save': 'intake',
  'files.pickImport': 'intake',
  'export.columns': 'read',
  'export.ledger': 'report',
  'files.pickExportTarget': 'report',
  // assessment figures (the 三率) are read by everyone
  'assessment.kpi': 'read',
  'assessment.orders': 'read',
  'assessment.forecast': 'read',
  'assessment.volume': 'read',
  // administration: everyone reads the rules, only the admin changes them
  'settings.list': 'read',
  'settings.get': 'read',
  'settings.set': 'admin',
  'holidays.list': 'read',
  'holidays.upsert': 'admin',
  'holidays.delete': 'admin',
  'calendar.year': 'read',
  'units.listAll': 'read',
  'units.create': 'admin',
  'units.update': 'admin',
  'units.reorder': 'admin',
  'units.setDuties': 'admin',
  'staff.list': 'read',
  'staff.create': 'admin',
  'staff.update': 'admin',
  'categories.tree': 'read',
  'categories.upsert': 'admin',
  'templates.list': 'read',
  'templates.upsert': 'admin',
  'templates.delete': 'admin',
  'routing.list': 'read',
  'routing.upsert': 'admin',
  'routing.delete': 'admin',
  // backups: the start-up check and the status are shown to everyone; acting on them is the admin's
  'backup.startupCheck': 'read',
  'backup.status': 'read',
  'backup.list': 'admin',
  'backup.inspect': 'admin',
  'backup.run': 'admin',
  'backup.restore': 'admin',
  // the dashboard and hotspots (issue 6) are figures everyone reads; drill-downs land in the masked grid
  'dashboard.summary': 'read',
  'dashboard.trend': 'read',
  'hotspots.week': 'read',
  // reports (issue 6): previewing is reading; a saved file leaves the building
  'reports.build': 'read',
  'reports.save': 'report',
} as const satisfies Record<MethodName, Capability>;

type NoExtraPermissions = Exclude<keyof typeof TABLE, MethodName>;
const noExtra: [NoExtraPermissions] extends [never] ? true : never = true;
void noExtra;

export const PERMISSIONS: Readonly<Record<MethodName, Capability>> = TABLE;

/**
 * Capabilities that depend on the arguments, on top of the method's own: a ledger export with full
 * phone numbers also needs the right to see them.
 */
const EXTRA: { [K in MethodName]?: (args: MethodArgs<K>) => Capability | null } = {
  'export.ledger': (args) => (args.withPhones ? 'reveal' : null),
};

export function requiredCapabilities<K extends MethodName>(method: K, args: MethodArgs<K>): Capability[] {
  const base: Capability = PERMISSIONS[method];
  const extra = (EXTRA[method] as ((a: MethodArgs<K>) => Capability | null) | undefined)?.(args) ?? null;
  return extra ? [base, extra] : [base];
}

export function roleMay(role: Role, capability: Capability): boolean {
  return capability === 'public' || capability === 'session' || ROLE_CAPABILITIES[role].has(capability);
}

/** The methods a role may call (sent to the UI so it can hide what it would be refused). */
export function allowedMethods(role: Role): MethodName[] {
  return (Object.keys(PERMISSIONS) as MethodName[]).filter((m) => roleMay(role, PERMISSIONS[m]));
}
