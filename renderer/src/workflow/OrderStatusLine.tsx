/**
 * The top of the detail pane: status, tier and flag chips, and both deadlines with their warning bands
 * (即将超时 / 已超时 while running; 按时完成 / 超时完成 once met) for first contact and for handling.
 */
import type { OrderDetail } from '../../../preload/api.js';
import { DEADLINE_BAND } from '../../../preload/contract/methods/workflowRecords.js';
import { Chip } from '../orders/StatusChip.js';
import { formatTime, tierLabel } from '../orders/format.js';
import { MONTHLY_TOPIC } from './actions.js';

type Band = OrderDetail['handleBand'];

function BandChip({ band, testId }: { band: Band; testId: string }) {
  return (
    <span className={`band band--${band}`} data-testid={testId}>
      {DEADLINE_BAND.label[band]}
    </span>
  );
}

const DUE_SOURCE: Record<string, string> = { extension: '已延期', import: '平台时限' };

export function OrderStatusLine({ order: o }: { order: OrderDetail }) {
  const flags: Array<{ text: string; tone: string; title?: string }> = [];
  if (o.flags.difficult) flags.push({ text: '疑难', tone: 'warn', title: `${o.flags.difficultReason ?? ''}（上报 ${o.flags.difficultTarget ?? ''}）` });
  if (o.flags.unreasonable) flags.push({ text: o.flags.unreasonableApproved ? '不合理诉求·已核减' : '不合理诉求', tone: 'muted', title: o.flags.unreasonableReason ?? undefined });
  if (o.flags.supervised) flags.push({ text: '督办', tone: 'danger', title: o.flags.supervisedNote ?? undefined });
  if (o.tags.includes(MONTHLY_TOPIC)) flags.push({ text: '每月一题', tone: 'info' });
  if (o.duplicateOf) flags.push({ text: `重复件（主工单 ${o.duplicateOf.orderNo}）`, tone: 'muted' });
  if (o.duplicates.length) flags.push({ text: `主工单·${o.duplicates.length} 件重复件`, tone: 'info' });
  if (o.reopenCount) flags.push({ text: `二次办理 ${o.reopenCount} 次`, tone: 'warn' });

  return (
    <div className="status-line">
      <div className="status-line__chips">
        <Chip status={o.status} />
        <span className="status-line__tier">{tierLabel(o.tier)}</span>
        {flags.map((f) => (
          <span key={f.text} className={`tag tag--${f.tone}`} title={f.title}>
            {f.text}
          </span>
        ))}
      </div>
      <dl className="deadlines">
        <dt>首次联系时限</dt>
        <dd data-testid="first-contact-due">
          <span>{formatTime(o.firstContactDueAt)}</span>
          <BandChip band={o.firstContactBand} testId="first-contact-band" />
          {o.firstContactAt !== null && <span className="deadlines__note">已于 {formatTime(o.firstContactAt)} 联系</span>}
        </dd>
        <dt>办理时限</dt>
        <dd data-testid="handle-due">
          <span className="deadlines__due">{formatTime(o.handleDueAt)}</span>
          <BandChip band={o.handleBand} testId="handle-band" />
          {DUE_SOURCE[o.dueSource] && <span className="deadlines__note">{DUE_SOURCE[o.dueSource]}</span>}
        </dd>
      </dl>
      {o.calendarMissing && <p className="status-line__warn">时限所在年份缺少官方节假日安排，已按周末推算，请核对。</p>}
    </div>
  );
}
