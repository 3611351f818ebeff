/** The order's timeline: every event, newest first — when, who, what. */
import type { TimelineEvent } from '../../../preload/api.js';
import { formatTime } from '../orders/format.js';

/** Actors recorded by the machinery rather than by a named clerk. */
const ACTOR_LABEL: Record<string, string> = { web: '本机（浏览器）', cli: '命令行', system: '系统' };

export function Timeline({ events }: { events: TimelineEvent[] }) {
  return (
    <section className="timeline" aria-label="处理记录">
      <h3 className="timeline__title">处理记录（{events.length}）</h3>
      {events.length === 0 ? (
        <p className="timeline__empty">暂无记录</p>
      ) : (
        <ol className="timeline__list">
          {events.map((e) => (
            <li key={e.id} className="timeline__item" data-kind={e.kind}>
              <div className="timeline__meta">
                <time>{formatTime(e.at)}</time>
                <span className="timeline__actor">{ACTOR_LABEL[e.actor] ?? e.actor}</span>
              </div>
              <div className="timeline__summary">{e.summary}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
