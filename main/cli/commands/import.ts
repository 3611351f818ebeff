/**
 * `jiesu import FILE`: imports the 12345 platform's export (xlsx or csv) — the same preview and commit
 * the import dialog runs. --dry-run previews only; --json prints the counts as one JSON object.
 */
import { resolve } from 'node:path';
import type { ImportPreview, RejectedRow } from '../../../preload/contract/methods/ledger.js';
import { openApp } from '../../runtime.js';
import { CliError, flagString, type CliIo, type Command } from '../types.js';

const CLI_ACTOR = '命令行';
const LISTED = 20;

function printSummary(io: CliIo, p: ImportPreview, counts: { new: number; updated: number; unchanged: number }, rejected: RejectedRow[], note: string): void {
  const where = p.file.sheet ? `工作表「${p.file.sheet}」，` : p.file.encoding ? `${p.file.encoding.toUpperCase()} 编码，` : '';
  io.out(`文件：${p.file.name}（${where}表头在第 ${p.file.headerRow} 行）`);
  io.out(`新增 ${counts.new} 件，更新 ${counts.updated} 件，未变 ${counts.unchanged} 件，拒绝 ${rejected.length} 行，文件内重复 ${p.duplicatesInFile} 行`);
  if (rejected.length) {
    io.out('拒绝的行：');
    for (const r of rejected.slice(0, LISTED)) io.out(`  第 ${r.row} 行：${r.reason}`);
    if (rejected.length > LISTED) io.out(`  ……另有 ${rejected.length - LISTED} 行（用 --json 查看全部）`);
  }
  if (p.ignoredColumns.length) io.out(`未导入的列：${p.ignoredColumns.join('、')}`);
  if (p.changes.length) {
    io.out('平台有变化的工单：');
    for (const u of p.changes.slice(0, LISTED)) {
      io.out(`  ${u.orderNo}（第 ${u.row} 行）：${u.changes.map((c) => `${c.label} ${c.before ?? '（无）'} → ${c.after ?? '（无）'}`).join('；')}`);
    }
    if (p.updated > LISTED) io.out(`  ……共 ${p.updated} 件`);
  }
  if (p.newCategories.length) io.out(`将新增问题分类：${p.newCategories.slice(0, LISTED).join('、')}${p.newCategories.length > LISTED ? ' 等' : ''}`);
  for (const w of p.warnings) io.out(`提示：${w}`);
  io.out(note);
}

export const importCommand: Command = {
  name: 'import',
  summary: '导入 12345 平台导出的工单表格（xlsx 或 csv，先预览后写入）',
  usage:
    'jiesu import FILE [--preset 方案名] [--dry-run] [--json] [--db FILE]\n' +
    '  --preset P   使用保存过的列映射方案\n' +
    '  --dry-run    只预览，不写入\n' +
    '  --json       以 JSON 输出：{"new","updated","unchanged","rejected":[{"row","reason"}],"duplicatesInFile","ignoredColumns"}',
  flags: ['preset', 'dry-run', 'json'],
  async run(args, { io, dbPath }) {
    const file = args.positionals[0];
    if (!file || args.positionals.length > 1) throw new CliError(`请指定一个要导入的文件。\n用法：${importCommand.usage}`, 2);
    const preset = flagString(args, 'preset');
    const dryRun = args.flags.has('dry-run');
    const app = await openApp(dbPath);
    // Progress on stderr (stdout stays the summary or the JSON): one line per tenth of each phase.
    const shown = new Map<string, number>();
    const phaseLabel = { read: '读取', plan: '比对', commit: '写入' } as const;
    const unsubscribe = app.push.subscribe((name, payload) => {
      if (name !== 'import.progress') return;
      const p = payload as { done: number; total: number; phase: keyof typeof phaseLabel };
      const tenth = p.total > 0 ? Math.floor((p.done / p.total) * 10) : 10;
      if ((shown.get(p.phase) ?? -1) >= tenth) return;
      shown.set(p.phase, tenth);
      io.err(`  ${phaseLabel[p.phase]}中… ${tenth * 10}%`);
    });
    try {
      const ledger = app.services.ledger;
      const preview = await ledger.preview({ path: resolve(file), preset });
      const rejected = preview.rejectedCount > preview.rejected.length ? await ledger.rejected(preview.token) : preview.rejected;
      let counts = { new: preview.new, updated: preview.updated, unchanged: preview.unchanged };
      let note = '试运行（--dry-run）：未写入任何内容。';
      if (dryRun) ledger.cancel(preview.token);
      else {
        const result = await ledger.commit(preview.token, CLI_ACTOR);
        counts = { new: result.new, updated: result.updated, unchanged: result.unchanged };
        note = `已写入数据库 ${dbPath}（用时 ${(result.ms / 1000).toFixed(1)} 秒）。`;
      }
      if (args.flags.has('json')) {
        io.out(JSON.stringify({ ...counts, rejected, duplicatesInFile: preview.duplicatesInFile, ignoredColumns: preview.ignoredColumns }));
        for (const w of preview.warnings) io.err(`提示：${w}`);
      } else {
        printSummary(io, preview, counts, rejected, note);
      }
    } finally {
      unsubscribe();
      app.services.ledger.close();
      await app.close();
    }
  },
};
