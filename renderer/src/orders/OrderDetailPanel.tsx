/** The selected order at a glance (first version): content, address, masked citizen contact, units. */
import { useEffect, useState, type ReactNode } from 'react';
import type { OrderDetail } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { Chip } from './StatusChip.js';
import { appealTypeLabel, formatCategory, formatTime, isOverdue, sourceLabel, tierLabel } from './format.js';

interface Props {
  orderId: number;
  /** Changes when orders changed elsewhere: the panel re-reads its order. */
  refreshSignal: number;
  onClose(): void;
}

type Load = { state: 'loading' } | { state: 'ready'; order: OrderDetail } | { state: 'failed'; message: string };

export function OrderDetailPanel({ orderId, refreshSignal, onClose }: Props) {
  const client = useApi();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoad((prev) => (prev.state === 'ready' && prev.order.id === orderId ? prev : { state: 'loading' }));
    client.send('orders.get', { id: orderId }).then(
      (order) => live && setLoad({ state: 'ready', order }),
      (error: unknown) => {
        if (!live) return;
        const message = isAppError(error) && error.code === 'NOT_FOUND' ? '该工单已不存在（可能已被删除）。' : describeError(error).message;
        setLoad({ state: 'failed', message });
      },
    );
    return () => {
      live = false;
    };
  }, [client, orderId, refreshSignal]);

  return (
    <aside className="detail" aria-label="工单详情">
      <header className="detail__head">
        <h2>{load.state === 'ready' ? `工单 ${load.order.orderNo}` : '工单详情'}</h2>
        <button type="button" className="detail__close" onClick={onClose} aria-label="关闭详情">
          ×
        </button>
      </header>
      {load.state === 'loading' && <p className="detail__hint">正在读取…</p>}
      {load.state === 'failed' && <p className="detail__error">{load.message}</p>}
      {load.state === 'ready' && <DetailBody order={load.order} />}
    </aside>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function DetailBody({ order: o }: { order: OrderDetail }) {
  const overdue = isOverdue(o, Date.now());
  return (
    <div className="detail__body">
      <div className="detail__status">
        <Chip status={o.status} />
        <span className="detail__tier">{tierLabel(o.tier)}</span>
        {overdue && <span className="detail__overdue">已超时</span>}
      </div>
      <dl className="detail__fields">
        <Field label="受理时间">{formatTime(o.receivedAt)}</Field>
        <Field label="派单时间">{formatTime(o.dispatchedAt)}</Field>
        <Field label="来源">{sourceLabel(o.source)}</Field>
        <Field label="诉求类型">{appealTypeLabel(o.appealType)}</Field>
        <Field label="问题分类">{formatCategory(o.category)}</Field>
        <Field label="社区">{o.communityName ?? '—'}</Field>
        <Field label="问题地址">
          {o.address || '—'}
          {o.residentialArea ? `（${o.residentialArea}）` : ''}
        </Field>
        <Field label="诉求人">{o.citizenName ?? '—'}</Field>
        <Field label="联系电话">{o.citizenPhoneMasked ?? '—'}</Field>
        <Field label="主办单位">{o.leadUnit ?? '未指定'}</Field>
        <Field label="协办单位">{o.assistUnits.length ? o.assistUnits.join('、') : '—'}</Field>
        <Field label="首次联系时限">
          {formatTime(o.firstContactDueAt)}
          {o.firstContactAt ? `（已于 ${formatTime(o.firstContactAt)} 联系）` : ''}
        </Field>
        <Field label="办理时限">
          <span className={overdue ? 'text--overdue' : undefined}>{formatTime(o.handleDueAt)}</span>
        </Field>
      </dl>
      <section className="detail__section">
        <h3>诉求内容</h3>
        <p className="detail__content">{o.content}</p>
      </section>
      {o.replyText && (
        <section className="detail__section">
          <h3>办结反馈{o.repliedAt ? `（${formatTime(o.repliedAt)}）` : ''}</h3>
          <p className="detail__content">{o.replyText}</p>
        </section>
      )}
    </div>
  );
}
