/** Handlers of the ledger methods: import preview / commit / cancel, mapping presets, export. */
import type { Handlers } from '../dispatch.js';
import type { Services } from '../services/index.js';
import { EXPORT_COLUMN, EXPORT_PRESET } from '../../preload/contract/methods/ledger.js';
import { PRESET_COLUMNS } from '../services/export/columns.js';
import { listPresets, savePreset } from '../services/import/presets.js';
import { DEFAULT_LEDGER_SORT } from '../services/export/query.js';

/** The most orders one export by the grid's filter may hold (the whole of a large street's history). */
const MAX_EXPORT_ROWS = 2_000_000;

export function ledgerHandlers(s: Services) {
  return {
    'import.preview': (args) => s.ledger.preview(args),
    'import.commit': (args, call) => s.ledger.commit(args.token, call.actor),
    'import.cancel': (args) => ({ cancelled: s.ledger.cancel(args.token) }),
    'import.presets.list': () => listPresets(s.ctx),
    'import.presets.save': (args, call) => savePreset(s.ctx, args, call.actor),
    'export.columns': () => ({
      columns: EXPORT_COLUMN.codes.map((key) => ({ key, label: EXPORT_COLUMN.label[key] })),
      presets: EXPORT_PRESET.codes.map((key) => ({ key, label: EXPORT_PRESET.label[key], columns: PRESET_COLUMNS[key] })),
    }),
    'export.ledger': async ({ filter, ...args }, call) => {
      // The grid resolves its own filter (search, views, drill-downs) to ids; the export worker then
      // streams exactly those orders in the grid's sort.
      const orderIds = filter && Object.keys(filter).length > 0 ? await s.grid.matchingIds(filter, args.sort ?? DEFAULT_LEDGER_SORT, MAX_EXPORT_ROWS) : undefined;
      return s.ledger.exportLedger({ ...args, orderIds }, call.actor);
    },
  } satisfies Pick<
    Handlers,
    'import.preview' | 'import.commit' | 'import.cancel' | 'import.presets.list' | 'import.presets.save' | 'export.columns' | 'export.ledger'
  >;
}
