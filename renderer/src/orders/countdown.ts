/**
 * The two deadline columns as a clerk reads them: time left (剩 5 小时) or overdue (超 2 天 3 小时),
 * coloured by band (即将超时 amber, 已超时 red), and the done state once contact or handling is done.
 * "Soon" comes from the server's band (it knows the warning hours ⚙); "overdue" is re-checked against
 * the clock here, so a row loaded a while ago turns red when its time runs out.
 */
import type { OrderGridRow } from '../../../preload/api.js';
import { ORDER_TAG } from '../../../preload/contract/methods/workflowRecords.js';

type Kind = 'firstContact' | 'handle';

function parts(kind: Kind, r: OrderGridRow) {
  return kind === 'handle'
    ? { band: r.handleBand, due: r.handleDueAt, doneLabel: '已办结' }
    : { band: r.firstContactBand, due: r.firstContactDueAt, doneLabel: '已联系' };
}

/** '2天3小时' / '5小时' / '40分钟'. */
export function span(ms: number): string {
  const m = Math.max(1, Math.round(Math.abs(ms) / 60_000));
  if (m < 60) return `${m}分钟`;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return d > 0 ? `${d}天${h ? `${h}小时` : ''}` : `${h}小时`;
}

export function countdownText(r: OrderGridRow, kind: Kind, now: number): string {
  const { band, due, doneLabel } = parts(kind, r);
  // Handling ended with no contact on record (returned, or replied without one): nothing to count down.
  if (kind === 'firstContact' && r.firstContactAt === null && (band === 'met' || band === 'late')) return '未记录联系';
  if (band === 'met') return doneLabel;
  if (band === 'late') return `${doneLabel}（超时）`;
  if (r.status === 'returned') return '—';
  return due < now ? `超 ${span(now - due)}` : `剩 ${span(due - now)}`;
}

export function countdownClass(r: OrderGridRow, kind: Kind, now: number): string {
  const { band, due } = parts(kind, r);
  if (kind === 'firstContact' && r.firstContactAt === null && (band === 'met' || band === 'late')) return 'cd';
  if (band === 'met') return 'cd cd--done';
  if (band === 'late') return 'cd cd--late';
  if (r.status === 'returned') return 'cd';
  if (due < now) return 'cd cd--overdue';
  if (band === 'soon' || due - now < 0) return 'cd cd--soon';
  return 'cd';
}

/** 紧急 · 重复件 · 疑难 · 督办 · 不合理 · 每月一题 · 二次办理. */
export function flagsText(r: OrderGridRow): string {
  const out: string[] = [];
  if (r.tier === 'urgent') out.push('紧急');
  if (r.duplicateOf !== null) out.push('重复件');
  if (r.difficult) out.push('疑难');
  if (r.supervised) out.push('督办');
  if (r.unreasonable) out.push('不合理');
  for (const t of r.tags) out.push(ORDER_TAG.label[t as keyof typeof ORDER_TAG.label] ?? t);
  if (r.reopenCount > 0) out.push('二次办理');
  return out.join(' · ');
}

export const COUNTDOWN_REFRESH_MS = 60_000;
