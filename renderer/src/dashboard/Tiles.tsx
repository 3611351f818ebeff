/**
 * The figures at the top of 首页: the desk now (today's intake, 待签收, 即将超时, 已超时) and the running
 * assessment month (intake, 存量, 有效回访, the 三率 and the score, each with 环比). Each figure is a
 * button that opens its orders.
 */
import type { DashboardSummary, MethodInput } from '../../../preload/api.js';
import { change, DASH, monthDay, pct, points, whole } from './format.js';
import type { Drill } from './useDrill.js';

interface FigureProps {
  label: string;
  value: string;
  /** Opens the orders; absent or count 0: not clickable. */
  onOpen?: () => void;
  hint?: string;
  delta?: ReturnType<typeof change>;
  /** Higher is worse (overdue counts): an increase shows red. */
  tone?: 'warn' | 'danger';
  testId: string;
}

function Figure({ label, value, onOpen, hint, delta, tone, testId }: FigureProps) {
  const body = (
    <>
      <span className="dash-fig__label">{label}</span>
      <span className={`dash-fig__value${tone ? ` dash-fig__value--${tone}` : ''}`} data-testid={`${testId}-value`}>
        {value}
      </span>
      {delta !== undefined && <span className={`dash-fig__delta dash-fig__delta--${delta?.dir ?? 'none'}`}>{delta ? `环比 ${delta.text}` : `环比 ${DASH}`}</span>}
      {hint && <span className="dash-fig__hint">{hint}</span>}
    </>
  );
  return onOpen ? (
    <button type="button" className="dash-fig dash-fig--link" onClick={onOpen} data-testid={testId} title="点击查看这些工单">
      {body}
    </button>
  ) : (
    <div className="dash-fig" data-testid={testId}>
      {body}
    </div>
  );
}

const opener = (count: number, open: () => void) => (count > 0 ? open : undefined);

export function DeskTiles({ s, drill }: { s: DashboardSummary; drill: Drill }) {
  const d = s.desk;
  const today = monthDay(s.today);
  return (
    <section className="dash-card dash-tiles" aria-label="今日">
      <h2 className="dash-card__title">今日 · {today}</h2>
      <div className="dash-tiles__row">
        <Figure label="今日新收" value={whole(d.todayIntake.count)} testId="fig-today-intake" onOpen={opener(d.todayIntake.count, () => drill.filter(d.todayIntake.filter, `${today}新收工单`))} />
        <Figure label="待签收" value={whole(d.awaitingAccept.count)} testId="fig-awaiting" onOpen={opener(d.awaitingAccept.count, () => drill.filter(d.awaitingAccept.filter, '待签收工单'))} />
        <Figure label="即将超时" hint="办理时限" value={whole(d.dueSoon.count)} tone="warn" testId="fig-due-soon" onOpen={opener(d.dueSoon.count, () => drill.filter(d.dueSoon.filter, '办理即将超时'))} />
        <Figure label="已超时" hint="办理时限" value={whole(d.overdue.count)} tone="danger" testId="fig-overdue" onOpen={opener(d.overdue.count, () => drill.filter(d.overdue.filter, '办理已超时'))} />
        <Figure label="首次联系超时" value={whole(d.contactOverdue.count)} tone="danger" testId="fig-contact-overdue" onOpen={opener(d.contactOverdue.count, () => drill.filter(d.contactOverdue.filter, '首次联系已超时'))} />
      </div>
    </section>
  );
}

export function MonthTiles({ s, drill }: { s: DashboardSummary; drill: Drill }) {
  const m = s.month;
  const k = m.kpi;
  const p = m.previousKpi;
  // Any day of the assessment month names it, whatever its start day.
  const monthArg = { kind: 'month', date: m.period.firstDay } as const;
  const open = (measure: MethodInput<'assessment.orders'>['measure'], n: number) => opener(n, () => drill.assessment({ period: monthArg, measure }));
  return (
    <section className="dash-card dash-tiles" aria-label="本考核月">
      <h2 className="dash-card__title">本考核月 · {m.period.label}</h2>
      <div className="dash-tiles__row">
        <Figure label="本月新收" value={whole(m.intake.count)} testId="fig-month-intake" delta={change(m.intake.count, m.previousIntake, 'count')}
          onOpen={opener(m.intake.count, () => drill.filter(m.intake.filter, `${m.period.label} · 新收工单`))} />
        <Figure label="存量（未办结）" value={whole(m.backlog.count)} testId="fig-backlog" onOpen={opener(m.backlog.count, () => drill.filter(m.backlog.filter, '存量（待签收、异议审核中、办理中）'))} />
        <Figure label="有效回访" value={whole(k.validCallbacks)} testId="fig-valid" delta={change(k.validCallbacks, p.validCallbacks, 'count')} onOpen={open('valid', k.validCallbacks)} />
        <Figure label="响应率" value={pct(k.responseRate)} testId="fig-response" delta={change(k.responseRate, p.responseRate, 'rate')}
          hint={k.validCallbacks ? `未联系 ${whole(k.validCallbacks - k.contacted)} 件` : undefined} onOpen={open('notContacted', k.validCallbacks - k.contacted)} />
        <Figure label="解决率" value={pct(k.resolutionRate)} testId="fig-resolution" delta={change(k.resolutionRate, p.resolutionRate, 'rate')}
          hint={k.validCallbacks ? `未解决 ${whole(k.unresolved)} 件` : undefined} onOpen={open('unresolved', k.unresolved)} />
        <Figure label="满意率" value={pct(k.satisfactionRate)} testId="fig-satisfaction" delta={change(k.satisfactionRate, p.satisfactionRate, 'rate')}
          hint={k.validCallbacks ? `不满意 ${whole(k.unsatisfied)} 件` : undefined} onOpen={open('unsatisfied', k.unsatisfied)} />
        <Figure label="综合得分" value={points(k.score)} testId="fig-score" delta={change(k.score, p.score, 'score')} onOpen={open('valid', k.validCallbacks)} />
      </div>
    </section>
  );
}
