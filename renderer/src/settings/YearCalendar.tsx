/**
 * A year at a glance: twelve small months, each day marked 上班 / 休息, with the State Council's holidays,
 * 调休 workdays and the administrator's overrides told apart (colour and the day's tooltip).
 */
import type { CalendarDay, CalendarYear } from '../../../preload/api.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function dayClass(d: CalendarDay): string {
  const weekend = d.source === 'weekend' || (d.source !== 'weekday' && isWeekend(d.day));
  const parts = ['cal__day', d.work ? 'cal__day--work' : 'cal__day--rest'];
  if (d.source === 'override') parts.push('cal__day--override');
  else if (d.source === 'schedule') parts.push(d.work && weekend ? 'cal__day--makeup' : 'cal__day--holiday');
  return parts.join(' ');
}

function isWeekend(day: string): boolean {
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(y, m - 1, dd)).getUTCDay();
  return w === 0 || w === 6;
}

const SOURCE_LABEL: Record<CalendarDay['source'], string> = { override: '调整表', schedule: '国务院安排', weekday: '工作日', weekend: '周末' };

function Month({ month, days }: { month: number; days: CalendarDay[] }) {
  const first = days[0];
  if (!first) return null;
  const [y, m] = first.day.split('-').map(Number) as [number, number];
  // Monday-first weeks, as Chinese calendars print them.
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  return (
    <div className="cal__month">
      <div className="cal__month-name">{month} 月</div>
      <div className="cal__grid">
        {WEEKDAYS.map((w) => (
          <span key={w} className="cal__wd">
            {w}
          </span>
        ))}
        {Array.from({ length: lead }, (_, i) => (
          <span key={`pad${i}`} />
        ))}
        {days.map((d) => (
          <span key={d.day} className={dayClass(d)} title={`${d.day} ${d.work ? '上班' : '休息'}（${SOURCE_LABEL[d.source]}${d.name ? `：${d.name}` : ''}）`} data-day={d.day}>
            {Number(d.day.slice(8))}
          </span>
        ))}
      </div>
    </div>
  );
}

export function YearCalendar({ data }: { data: CalendarYear }) {
  const months = Array.from({ length: 12 }, (_, i) => data.days.filter((d) => Number(d.day.slice(5, 7)) === i + 1));
  return (
    <div className="cal" data-testid="year-calendar">
      <div className={`cal__flag${data.officialData ? '' : ' cal__flag--missing'}`} data-testid="calendar-flag">
        {data.officialData
          ? `${data.year} 年有国务院节假日安排数据（含调休上班日）。`
          : data.hasData
            ? `${data.year} 年没有国务院节假日安排数据，按周末和调整表（${data.overrideCount} 天）计算。`
            : `${data.year} 年没有国务院节假日安排数据，也没有调整，时限只按周末推算并标记提醒。`}
        <span className="cal__count">全年上班 {data.workdayCount} 天</span>
      </div>
      <div className="cal__legend">
        <span className="cal__day cal__day--work">上</span>上班
        <span className="cal__day cal__day--rest">休</span>周末
        <span className="cal__day cal__day--rest cal__day--holiday">假</span>法定节假日
        <span className="cal__day cal__day--work cal__day--makeup">班</span>调休上班
        <span className="cal__day cal__day--rest cal__day--override">调</span>调整表
      </div>
      <div className="cal__months">
        {months.map((days, i) => (
          <Month key={i} month={i + 1} days={days} />
        ))}
      </div>
    </div>
  );
}
