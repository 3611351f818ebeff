/** The side roads' records of an order: assignment, contacts, callbacks, extensions, objections, duplicates. */
import type { ReactNode } from 'react';
import type { OrderDetail } from '../../../preload/api.js';
import { CALLBACK_RESOLUTION, CONTACT_METHOD, SATISFACTION } from '../../../preload/contract/enums.js';
import { EXTENSION_STATUS, OBJECTION_STATUS } from '../../../preload/contract/methods/workflowRecords.js';
import { Chip } from '../orders/StatusChip.js';
import { formatTime } from '../orders/format.js';

function Section({ title, count, children, testId }: { title: string; count?: number; children: ReactNode; testId?: string }) {
  return (
    <section className="records" data-testid={testId}>
      <h3>
        {title}
        {count !== undefined && <span className="records__count">{count}</span>}
      </h3>
      {children}
    </section>
  );
}

type Unit = NonNullable<OrderDetail['lead']>;
const unitText = (u: Unit) => `${u.name}${u.handlerName ? `（经办人 ${u.handlerName}）` : ''}`;

export function Records({ order: o, onOpenOrder }: { order: OrderDetail; onOpenOrder(id: number, orderNo: string): void }) {
  const link = (x: { id: number; orderNo: string }) => (
    <button type="button" className="linkish" onClick={() => onOpenOrder(x.id, x.orderNo)}>
      {x.orderNo}
    </button>
  );
  return (
    <>
      <Section title="派单" testId="records-assignment">
        {o.lead ? (
          <dl className="records__dl">
            <dt>主办</dt>
            <dd>
              {unitText(o.lead)}
              {o.lead.overrideReason && <div className="records__muted">超职责主办理由：{o.lead.overrideReason}</div>}
            </dd>
            <dt>协办</dt>
            <dd>{o.assists.length ? o.assists.map(unitText).join('、') : '—'}</dd>
          </dl>
        ) : (
          <p className="records__empty">尚未派单{o.leadUnit ? `（平台指定主办：${o.leadUnit}）` : ''}</p>
        )}
      </Section>
      {(o.duplicateOf || o.duplicates.length > 0) && (
        <Section title="重复件" count={o.duplicates.length || undefined} testId="records-duplicates">
          {o.duplicateOf && (
            <p>
              本单是工单 {link(o.duplicateOf)} <Chip status={o.duplicateOf.status} /> 的重复件
            </p>
          )}
          {o.duplicates.length > 0 && (
            <ul className="records__list">
              {o.duplicates.map((d) => (
                <li key={d.id}>
                  {link(d)} <Chip status={d.status} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      <Section title="联系记录" count={o.contacts.length} testId="records-contacts">
        {o.contacts.length === 0 ? (
          <p className="records__empty">尚未联系诉求人</p>
        ) : (
          <ul className="records__list">
            {o.contacts.map((c) => (
              <li key={c.id}>
                <span className="records__when">{formatTime(c.at)}</span> {CONTACT_METHOD.label[c.method]}：{c.summary}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {o.callbacks.length > 0 && (
        <Section title="回访记录" count={o.callbacks.length} testId="records-callbacks">
          <ul className="records__list">
            {o.callbacks.map((c) => (
              <li key={c.id}>
                <span className="records__when">{formatTime(c.at)}</span> {c.valid ? '有效' : '无效'}，{c.contacted ? '已联系' : '未联系'}，
                {CALLBACK_RESOLUTION.label[c.resolution]}，{SATISFACTION.label[c.satisfaction]}
                {c.note && <div className="records__muted">{c.note}</div>}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {o.extensions.length > 0 && (
        <Section title="延期申请" count={o.extensions.length} testId="records-extensions">
          <ul className="records__list">
            {o.extensions.map((x) => (
              <li key={x.id}>
                <span className="records__when">{formatTime(x.requestedAt)}</span> 申请至 {formatTime(x.requestedDueAt)}
                <span className={`tag tag--${x.status === 'pending' ? 'warn' : 'muted'}`}>{EXTENSION_STATUS.label[x.status]}</span>
                <div className="records__muted">
                  {x.reason}
                  {x.decisionNote ? `；审批意见：${x.decisionNote}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {o.objections.length > 0 && (
        <Section title="派单异议" count={o.objections.length} testId="records-objections">
          <ul className="records__list">
            {o.objections.map((x) => (
              <li key={x.id}>
                <span className="records__when">{formatTime(x.raisedAt)}</span>
                <span className={`tag tag--${x.status === 'pending' ? 'warn' : 'muted'}`}>{OBJECTION_STATUS.label[x.status]}</span>
                <div className="records__muted">
                  {x.reason}
                  {x.evidence ? `；证明材料：${x.evidence}` : ''}
                  {x.outcomeNote ? `；审核意见：${x.outcomeNote}` : ''}
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </>
  );
}
