/**
 * The selected order: status, deadlines and their warning bands, the actions the order allows now, its
 * facts and side-road records, and — always in view at the bottom — its timeline. Actions run through
 * the view's WorkflowHost; the order each command answers with replaces what is shown here at once.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { OrderDetail } from '../../../preload/api.js';
import { isAppError } from '../../../preload/contract/errors.js';
import { REPLY_RESULT, type ReplyResult } from '../../../preload/contract/enums.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { ActionBar } from '../workflow/ActionBar.js';
import { OrderStatusLine } from '../workflow/OrderStatusLine.js';
import { Records } from '../workflow/Records.js';
import { Timeline } from '../workflow/Timeline.js';
import { useWorkflow } from '../workflow/WorkflowHost.js';
import { RevealCitizen } from '../accounts/RevealCitizen.js';
import { appealTypeLabel, formatCategory, formatTime, sourceLabel } from './format.js';

interface Props {
  orderId: number;
  /** Changes when orders changed elsewhere: the panel re-reads its order. */
  refreshSignal: number;
  /** The newest copy of some order a command answered with; used when it is this one. */
  latest: OrderDetail | null;
  onClose(): void;
  onOpenOrder(id: number, orderNo: string): void;
}

type Load = { state: 'loading' } | { state: 'ready'; order: OrderDetail } | { state: 'failed'; message: string };

export function OrderDetailPanel({ orderId, refreshSignal, latest, onClose, onOpenOrder }: Props) {
  const client = useApi();
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setLoad((prev) => (prev.state === 'ready' && prev.order.id === orderId ? prev : { state: 'loading' }));
    client.send('orders.get', { id: orderId }).then(
      (order) => live && setLoad((prev) => (prev.state === 'ready' && prev.order.id === order.id && prev.order.version > order.version ? prev : { state: 'ready', order })),
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

  // A command's answer is the freshest copy there is: show it without waiting for the push.
  useEffect(() => {
    if (!latest || latest.id !== orderId) return;
    setLoad((prev) => (prev.state === 'ready' && prev.order.id === latest.id && prev.order.version > latest.version ? prev : { state: 'ready', order: latest }));
  }, [latest, orderId]);

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
      {load.state === 'ready' && <DetailBody order={load.order} onOpenOrder={onOpenOrder} />}
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

const replyResultLabel = (r: string | null) => (r && r in REPLY_RESULT.label ? REPLY_RESULT.label[r as ReplyResult] : r);

function DetailBody({ order: o, onOpenOrder }: { order: OrderDetail; onOpenOrder(id: number, orderNo: string): void }) {
  const workflow = useWorkflow();
  return (
    <>
      <div className="detail__top">
        <OrderStatusLine order={o} />
        <ActionBar order={o} onAction={(a) => workflow.start(o, a)} />
      </div>
      <div className="detail__body">
        <dl className="detail__fields">
          <Field label="受理时间">{formatTime(o.receivedAt)}</Field>
          <Field label="派单时间">{formatTime(o.dispatchedAt)}</Field>
          {o.acceptedAt !== null && <Field label="签收时间">{formatTime(o.acceptedAt)}</Field>}
          <Field label="来源">{sourceLabel(o.source)}</Field>
          <Field label="诉求类型">{appealTypeLabel(o.appealType)}</Field>
          <Field label="问题分类">{formatCategory(o.category)}</Field>
          <Field label="社区">{o.communityName ?? '—'}</Field>
          <Field label="问题地址">
            {o.address || '—'}
            {o.residentialArea ? `（${o.residentialArea}）` : ''}
          </Field>
          <Field label="诉求人">{o.citizenName ?? '—'}</Field>
          <Field label="联系电话">
            {o.citizenPhoneMasked ?? '—'}
            <RevealCitizen key={o.id} orderId={o.id} maskedName={o.citizenName} maskedPhone={o.citizenPhoneMasked} />
          </Field>
        </dl>
        <section className="detail__section">
          <h3>诉求内容</h3>
          <p className="detail__content">{o.content}</p>
        </section>
        {o.replyText && (
          <section className="detail__section" data-testid="detail-reply">
            <h3>
              办结反馈{o.replyResult ? `：${replyResultLabel(o.replyResult)}` : ''}
              {o.repliedAt ? `（${formatTime(o.repliedAt)}）` : ''}
            </h3>
            <p className="detail__content">{o.replyText}</p>
          </section>
        )}
        <Records order={o} onOpenOrder={onOpenOrder} />
      </div>
      <Timeline events={o.timeline} />
    </>
  );
}
