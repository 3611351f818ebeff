/** A bulk preview's or result's three lists: will change / already so / refused (with the reason). */
import type { BulkItem, BulkOutcome } from '../../../../preload/api.js';
import { formatCount } from '../format.js';

const SHOWN = 50;

function Section({ title, items, tone, testId }: { title: string; items: BulkItem[]; tone: string; testId: string }) {
  if (items.length === 0) return null;
  return (
    <details className={`bulk-list bulk-list--${tone}`} open={tone !== 'muted'} data-testid={testId}>
      <summary>
        {title} {formatCount(items.length)} 件
      </summary>
      <ul>
        {items.slice(0, SHOWN).map((i) => (
          <li key={i.orderId}>
            <span className="bulk-list__no">{i.orderNo || `#${i.orderId}`}</span>
            <span>{i.text}</span>
          </li>
        ))}
        {items.length > SHOWN && <li className="bulk-list__more">另有 {formatCount(items.length - SHOWN)} 件未列出</li>}
      </ul>
    </details>
  );
}

export function BulkOutcomeList({ outcome, applied }: { outcome: BulkOutcome; applied: boolean }) {
  return (
    <div className="bulk-outcome">
      <p className="bulk-outcome__head" data-testid="bulk-summary">
        共 {formatCount(outcome.matched)} 件：{applied ? '已修改' : '将修改'} {formatCount(outcome.changes.length)} 件，无需修改 {formatCount(outcome.unchanged.length)} 件，
        {applied ? '未能执行' : '不能执行'} {formatCount(outcome.refused.length)} 件
      </p>
      <Section title={applied ? '已修改' : '将修改'} items={outcome.changes} tone="ok" testId="bulk-changes" />
      <Section title="不能执行" items={outcome.refused} tone="warn" testId="bulk-refused" />
      <Section title="无需修改" items={outcome.unchanged} tone="muted" testId="bulk-unchanged" />
    </div>
  );
}
