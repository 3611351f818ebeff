/** Handlers of the administration methods: settings, holidays, units, staff, taxonomy, templates, routing. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { calendarYear, deleteOverride, listOverrides, upsertOverride } from '../services/admin/holidays.js';
import { deleteRoutingRule, listRoutingRules, upsertRoutingRule } from '../services/admin/routing.js';
import { createStaff, listStaff, updateStaff } from '../services/admin/staff.js';
import { suggestLead } from '../services/admin/suggest.js';
import { categoryTree, upsertCategory } from '../services/admin/taxonomy.js';
import { deleteTemplate, listTemplates, renderReplyTemplate, upsertTemplate } from '../services/admin/templates.js';
import { createUnit, listAdminUnits, reorderUnits, setDuties, updateUnit } from '../services/admin/units.js';
import { getSetting, listSettings, setSetting } from '../services/settings.js';

type AdminMethod =
  | 'settings.list' | 'settings.get' | 'settings.set'
  | 'holidays.list' | 'holidays.upsert' | 'holidays.delete' | 'calendar.year'
  | 'units.listAll' | 'units.create' | 'units.update' | 'units.reorder' | 'units.setDuties'
  | 'staff.list' | 'staff.create' | 'staff.update'
  | 'categories.tree' | 'categories.upsert'
  | 'templates.list' | 'templates.upsert' | 'templates.delete' | 'templates.render'
  | 'routing.list' | 'routing.upsert' | 'routing.delete'
  | 'orders.suggestLead';

export function adminHandlers(s: Services) {
  const { ctx } = s;
  return {
    'settings.list': () => listSettings(ctx),
    'settings.get': (a) => getSetting(ctx, a.key),
    'settings.set': (a, call) => setSetting(ctx, call.actor, a),
    'holidays.list': (a) => listOverrides(ctx, a.year),
    'holidays.upsert': (a, call) => upsertOverride(ctx, call.actor, a),
    'holidays.delete': (a, call) => deleteOverride(ctx, call.actor, a.day),
    'calendar.year': (a) => calendarYear(ctx, a.year),
    'units.listAll': (a) => listAdminUnits(ctx.handle.db, { kind: a.kind }),
    'units.create': (a, call) => createUnit(ctx, call.actor, a),
    'units.update': (a, call) => updateUnit(ctx, call.actor, a),
    'units.reorder': (a, call) => reorderUnits(ctx, call.actor, a),
    'units.setDuties': (a, call) => setDuties(ctx, call.actor, a),
    'staff.list': (a) => listStaff(ctx, a),
    'staff.create': (a, call) => createStaff(ctx, call.actor, a),
    'staff.update': (a, call) => updateStaff(ctx, call.actor, a),
    'categories.tree': (a) => categoryTree(ctx, a.includeInactive),
    'categories.upsert': (a, call) => upsertCategory(ctx, call.actor, a),
    'templates.list': (a) => listTemplates(ctx, a),
    'templates.upsert': (a, call) => upsertTemplate(ctx, call.actor, a),
    'templates.delete': (a, call) => deleteTemplate(ctx, call.actor, a.id),
    'templates.render': (a) => renderReplyTemplate(ctx, a.templateId, a.orderId),
    'routing.list': () => listRoutingRules(ctx),
    'routing.upsert': (a, call) => upsertRoutingRule(ctx, call.actor, a),
    'routing.delete': (a, call) => deleteRoutingRule(ctx, call.actor, a.id),
    'orders.suggestLead': (a) => suggestLead(ctx, a.orderId),
  } satisfies Pick<Handlers, AdminMethod>;
}
