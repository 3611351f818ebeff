/**
 * The holiday override table (holiday_overrides): days the administrator declares a holiday or a
 * working day, overriding the State Council schedule the data package ships — for a notice the package
 * does not have yet, or a local arrangement. Every change is an 'admin.holiday' event and invalidates
 * the cached calendar (see deadlinesForOrder.ts).
 */
import { AppError } from '../../../preload/contract/errors.js';
import { OVERRIDE_KIND, type CalendarYear, type HolidayOverride } from '../../../preload/contract/methods/settings.js';
import type { ServiceContext } from '../context.js';
import { createCalendar, dayIndexOf, dayString } from '../deadlines/index.js';
import { adminChange } from './audit.js';
import { currentCalendar } from './deadlinesForOrder.js';
import { changingRules } from './generation.js';

type OverrideKind = HolidayOverride['kind'];

export async function listOverrides(ctx: ServiceContext, year?: number): Promise<HolidayOverride[]> {
  let q = ctx.handle.db.selectFrom('holiday_overrides').select(['day', 'kind', 'note']);
  if (year !== undefined) q = q.where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`);
  return q.orderBy('day').execute();
}

function describe(o: { day: string; kind: OverrideKind; note: string | null }): string {
  return `${o.day} ${OVERRIDE_KIND.label[o.kind]}${o.note ? `（${o.note}）` : ''}`;
}

export async function upsertOverride(
  ctx: ServiceContext,
  actor: string,
  input: { day: string; kind: OverrideKind; note?: string | null | undefined },
): Promise<HolidayOverride> {
  if (dayIndexOf(input.day) === null) throw new AppError('INVALID_INPUT', `日期「${input.day}」无效，应为 YYYY-MM-DD 格式的真实日期。`);
  const row: HolidayOverride = { day: input.day, kind: input.kind, note: input.note?.trim() || null };
  return changingRules(ctx, () =>
    adminChange(ctx, actor, async (trx) => {
      const before = await trx.selectFrom('holiday_overrides').select(['day', 'kind', 'note']).where('day', '=', row.day).executeTakeFirst();
      await trx
        .insertInto('holiday_overrides')
        .values(row)
        .onConflict((oc) => oc.column('day').doUpdateSet({ kind: row.kind, note: row.note }))
        .execute();
      return {
        result: row,
        event: {
          kind: 'admin.holiday',
          summary: before ? `修改节假日调整：${describe(before)} → ${describe(row)}` : `新增节假日调整：${describe(row)}`,
          before: before ?? null,
          after: row,
        },
      };
    }),
  );
}

export async function deleteOverride(ctx: ServiceContext, actor: string, day: string): Promise<{ day: string; deleted: true }> {
  return changingRules(ctx, () =>
    adminChange(ctx, actor, async (trx) => {
      const before = await trx.selectFrom('holiday_overrides').select(['day', 'kind', 'note']).where('day', '=', day).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', `${day} 没有节假日调整，无需删除。`);
      await trx.deleteFrom('holiday_overrides').where('day', '=', day).execute();
      return {
        result: { day, deleted: true as const },
        event: { kind: 'admin.holiday', summary: `删除节假日调整：${describe(before)}（恢复按国务院安排与周末计算）`, before, after: null },
      };
    }),
  );
}

/** Every day of `year` as the deadline engine sees it, for the settings page's calendar. */
export async function calendarYear(ctx: ServiceContext, year: number): Promise<CalendarYear> {
  const calendar = await currentCalendar(ctx);
  const notes = new Map((await listOverrides(ctx, year)).map((o) => [o.day, o.note]));
  const first = dayIndexOf(`${year}-01-01`)!;
  const end = dayIndexOf(`${year + 1}-01-01`)!;
  const days: CalendarYear['days'] = [];
  for (let i = first; i < end; i++) {
    const info = calendar.describeDay(dayString(i));
    days.push({ day: info.day, work: info.work, source: info.source, name: info.source === 'override' ? (notes.get(info.day) ?? null) : info.name });
  }
  return {
    year,
    officialData: createCalendar([]).hasData(year),
    hasData: calendar.hasData(year),
    overrideCount: notes.size,
    workdayCount: days.filter((d) => d.work).length,
    days,
  };
}
