/**
 * The community × 一级分类 heat table. Colour comes from CSS classes (hot-heat__cell--l0 … l5: the
 * backend's fifths of the largest cell) — the CSP allows no inline styles. A cell, a row total or a
 * column total opens the grid on exactly those orders.
 */
import type { WeeklyHotspots } from '../../../preload/api.js';
import type { OpenOrders } from './useOpenOrders.js';

export function HeatTable({ data, open }: { data: WeeklyHotspots; open: OpenOrders }) {
  const h = data.heat;
  const week = data.week.label;
  const rows = h.rows.filter((r) => r.total > 0);
  const columnIds = (c: number) => rows.flatMap((r) => r.cells[c]!.orderIds);
  return (
    <section className="card hot-card hot-card--wide" data-testid="hotspots-heat" aria-label={h.title}>
      <div className="card__head">
        <h3>{h.title}</h3>
        <span className="card__meta">本周共 {h.total} 件</span>
      </div>
      <p className="card__desc">{h.note}</p>
      {h.columns.length === 0 ? (
        <p className="hot-empty">本周没有工单。</p>
      ) : (
        <div className="hot-heat__wrap">
          <table className="hot-heat">
            <thead>
              <tr>
                <th scope="col" className="hot-heat__corner">
                  社区
                </th>
                {h.columns.map((c, ci) => (
                  <th key={c.category} scope="col">
                    <button type="button" className="hot-heat__head" title={`${c.label}：本周 ${c.total} 件`} onClick={() => open(columnIds(ci), `${week} · ${c.label}`)}>
                      {c.label}
                    </button>
                  </th>
                ))}
                <th scope="col">合计</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.communityId}>
                  <th scope="row" className="hot-heat__row">
                    {r.communityName}
                  </th>
                  {r.cells.map((cell, ci) => (
                    <td key={h.columns[ci]!.category} className={`hot-heat__cell hot-heat__cell--l${cell.level}`}>
                      {cell.count > 0 ? (
                        <button
                          type="button"
                          className="hot-heat__btn"
                          aria-label={`${r.communityName} · ${h.columns[ci]!.label}：${cell.count} 件`}
                          onClick={() => open(cell.orderIds, `${week} · ${r.communityName} · ${h.columns[ci]!.label}`)}
                        >
                          {cell.count}
                        </button>
                      ) : (
                        ''
                      )}
                    </td>
                  ))}
                  <td className="hot-heat__total">
                    <button type="button" className="hot-heat__btn" onClick={() => open(r.cells.flatMap((c) => c.orderIds), `${week} · ${r.communityName}`)}>
                      {r.total}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">合计</th>
                {h.columns.map((c) => (
                  <td key={c.category} className="hot-heat__total">
                    {c.total}
                  </td>
                ))}
                <td className="hot-heat__total">{h.total}</td>
              </tr>
            </tfoot>
          </table>
          <div className="hot-heat__legend" aria-hidden>
            <span>少</span>
            {[1, 2, 3, 4, 5].map((l) => (
              <span key={l} className={`hot-heat__swatch hot-heat__cell--l${l}`} />
            ))}
            <span>多</span>
          </div>
        </div>
      )}
    </section>
  );
}
