/**
 * 显示完整号码: the citizen's full name and phone of one order, for roles allowed to see them. Each
 * reveal is recorded on the order's timeline by the backend; a 保密 order offers nothing to reveal.
 */
import { useState } from 'react';
import type { RevealedCitizen } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { describeError } from '../app/errors.js';
import { useOptionalSession } from './SessionContext.js';

const CONFIDENTIAL = '保密';

interface Props {
  orderId: number;
  maskedName: string | null;
  maskedPhone: string | null;
  /** Called after a reveal (the timeline has a new entry). */
  onRevealed?: () => void;
}

export function RevealCitizen({ orderId, maskedName, maskedPhone, onRevealed }: Props) {
  const client = useApi();
  const session = useOptionalSession();
  const [shown, setShown] = useState<RevealedCitizen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nothing = (maskedName === null && maskedPhone === null) || maskedName === CONFIDENTIAL || maskedPhone === CONFIDENTIAL;
  if (!session?.can('orders.revealCitizen') || nothing) return null;
  if (shown && shown.id === orderId) {
    return (
      <span className="reveal" data-testid="revealed-citizen">
        {shown.citizenName ?? '—'} · {shown.citizenPhone ?? '—'}
      </span>
    );
  }
  return (
    <span className="reveal">
      <button
        type="button"
        className="btn btn--small"
        disabled={busy}
        title="查看将记入工单的处理记录"
        onClick={() => {
          setBusy(true);
          setError(null);
          client.send('orders.revealCitizen', { id: orderId }).then(
            (r) => {
              setShown(r);
              setBusy(false);
              onRevealed?.();
            },
            (e: unknown) => {
              setError(describeError(e, '查看失败').message);
              setBusy(false);
            },
          );
        }}
      >
        显示完整号码
      </button>
      {error && (
        <span className="reveal__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
