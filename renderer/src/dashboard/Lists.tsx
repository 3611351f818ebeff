/**
 * The overdue and the soon-due orders (handling deadline), and the forecast: which open orders can still
 * move this month's 三率 and by how much. An order number opens that order in the grid.
 */
import { useEffect, useState } from 'react';
import type { AssessmentForecast, DashboardCount, DashboardOrderItem } from '../../../preload/api.js';
import { ORDER_STATUS } from '../../../preload/contract/enums.js';
import { formatBeijing } from '../../../preload/contract/time.js';
import { useApi } from '../api/ApiContext.js';
import { DASH, points, whole } from './format.js';
import type { Drill } from './useDrill.js';

const HOUR = 3_600_000;

/** '超时 3 天' / '超时 5 小时' / '剩 7 小时'. */
function dueText(dueAt: number, now: number): string {
  const d = dueAt - now;
  const h = Math.abs(d) / HOUR;
  const span = h >= 48 ? `${Math.floor(h / 24)} 天` : `${Math.max(1, Math.floor(h))} 小时`;
  return d < 0 ? `超时 ${span}` : `剩 ${span}`;
}

const shortCategory = (path: string) => (path ? path.split('/').slice(0, 2).join(' › ') : '未分类');

export function OrderList({ items, total, now, drill, title, testId }: { items: DashboardOrderItem[]; total: DashboardCount; now: number; drill: Drill; title: string; testId: string }) {
  if (items.length === 0) return <p className="dash-empty">没有{title}的工单。</p>;
  return (
    <>
      <table className="dash-table" data-testid={testId}>
        <thead>
          <tr>
            <th>工单编号</th>
            <th>社区</th>
            <th>问题分类</th>
            <th>状态</th>
            <th>办理时限</th>
          </tr>
        </thead>
        <tbody>
          {items.map((o) => (
            <tr key={o.id}>
              <td>
                <button type="button" className="dash-link" onClick={() => drill.order(o.id, o.orderNo)}>
                  {o.orderNo}
                </button>
              </td>
              <td>{o.communityName ?? '未指定'}</td>
              <td className="dash-ellipsis" title={o.category}>
                {shortCategory(o.category)}
              </td>
              <td>{ORDER_STATUS.label[o.status]}</td>
              <td className={o.handleDueAt < now ? 'dash-due dash-due--over' : 'dash-due'} title={formatBeijing(o.handleDueAt)}>
                {dueText(o.handleDueAt, now)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {total.count > items.length && (
        <button type="button" className="dash-more" onClick={() => drill.filter(total.filter, title)}>
          查看全部 {whole(total.count)} 件
        </button>
      )}
    </>
  );
}

/** The forecast of the running month by community, read on its own so the figures above paint first. */
export function ForecastCard({ signal, drill }: { signal: number; drill: Drill }) {
  const client = useApi();
  const [f, setF] = useState<AssessmentForecast | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    client.send('assessment.forecast', { by: 'community', limit: 8 }).then(
      (r) => live && setF(r),
      () => live && setError('读取预测失败'),
    );
    return () => {
      live = false;
    };
  }, [client, signal]);
  if (error) return <p className="dash-empty">{error}</p>;
  if (!f) return <p className="dash-empty">正在计算…</p>;
  if (!f.open || f.pendingCount === 0) return <p className="dash-empty">本考核月已没有可影响三率的在办工单。</p>;
  return (
    <div data-testid="dash-forecast">
      <p className="dash-forecast__sum">
        待回访及本月到期的工单 <strong>{whole(f.pendingCount)}</strong> 件：综合得分现为 <strong>{points(f.now.score)}</strong>，若全部满意、已解决可达{' '}
        <strong className="dash-good">{points(f.ifAllGood.score)}</strong>，若全部不满意则降至 <strong className="dash-bad">{points(f.ifAllBad.score)}</strong>。
      </p>
      <table className="dash-table">
        <thead>
          <tr>
            <th>工单编号</th>
            <th>阶段</th>
            <th>社区</th>
            <th className="dash-num">社区得分</th>
            <th className="dash-num">若满意</th>
            <th className="dash-num">若不满意</th>
          </tr>
        </thead>
        <tbody>
          {f.items.map((i) => (
            <tr key={i.orderId} title={i.explanation}>
              <td>
                <button type="button" className="dash-link" onClick={() => drill.order(i.orderId, i.orderNo)}>
                  {i.orderNo}
                </button>
              </td>
              <td>{i.stageLabel}</td>
              <td>{i.groupLabel}</td>
              <td className="dash-num">{points(i.groupNow.score)}</td>
              <td className="dash-num dash-good">{i.ifGood.score === null ? DASH : points(i.ifGood.score)}</td>
              <td className="dash-num dash-bad">{i.ifBad.score === null ? DASH : points(i.ifBad.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dash-note">{f.method}</p>
    </div>
  );
}
