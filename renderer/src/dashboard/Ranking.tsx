/**
 * Community ranking of the running assessment month: best 综合得分 first, communities without callbacks
 * last with "—". Every cell opens its orders: 新收 the month's intake, 有效回访 and 得分 the callbacks'
 * orders, each rate the orders that cost it (未联系 / 未解决 / 不满意).
 */
import type { AssessmentMeasure, DashboardSummary } from '../../../preload/api.js';
import { pct, points, whole } from './format.js';
import type { Drill } from './useDrill.js';

type Community = DashboardSummary['communities'][number];

function Cell({ text, count, open, hint }: { text: string; count: number; open(): void; hint: string }) {
  if (count === 0) return <td className="dash-num">{text}</td>;
  return (
    <td className="dash-num">
      <button type="button" className="dash-link" onClick={open} title={hint}>
        {text}
      </button>
    </td>
  );
}

export function Ranking({ s, drill }: { s: DashboardSummary; drill: Drill }) {
  const period = { kind: 'month', date: s.month.period.firstDay } as const;
  const open = (c: Community, measure: AssessmentMeasure) => () => drill.assessment({ period, by: 'community', group: c.key, measure });
  let rank = 0;
  return (
    <table className="dash-table" data-testid="dash-ranking">
      <thead>
        <tr>
          <th>排名</th>
          <th>社区</th>
          <th className="dash-num">新收</th>
          <th className="dash-num">有效回访</th>
          <th className="dash-num">响应率</th>
          <th className="dash-num">解决率</th>
          <th className="dash-num">满意率</th>
          <th className="dash-num">综合得分</th>
        </tr>
      </thead>
      <tbody>
        {s.communities.map((c) => (
          <tr key={c.key}>
            <td className="dash-rank">{c.score === null ? '—' : ++rank}</td>
            <td>{c.label}</td>
            <Cell text={whole(c.intake.count)} count={c.intake.count} hint="查看本月新收工单" open={() => drill.filter(c.intake.filter, `${c.label} · ${s.month.period.label} · 新收工单`)} />
            <Cell text={whole(c.validCallbacks)} count={c.validCallbacks} hint="查看有效回访的工单" open={open(c, 'valid')} />
            <Cell text={pct(c.responseRate)} count={c.validCallbacks - c.contacted} hint="查看未联系的工单" open={open(c, 'notContacted')} />
            <Cell text={pct(c.resolutionRate)} count={c.unresolved} hint="查看未解决的工单" open={open(c, 'unresolved')} />
            <Cell text={pct(c.satisfactionRate)} count={c.unsatisfied} hint="查看不满意的工单" open={open(c, 'unsatisfied')} />
            <Cell text={points(c.score)} count={c.validCallbacks} hint="查看有效回访的工单" open={open(c, 'valid')} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
