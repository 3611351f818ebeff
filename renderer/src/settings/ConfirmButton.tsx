/** A destructive button that asks once in place: the first click turns it into 「确认…」 and 「取消」. */
import { useEffect, useRef, useState } from 'react';

export function ConfirmButton({ label, confirmLabel, onConfirm }: { label: string; confirmLabel: string; onConfirm(): void }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className="btn btn--small" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <span className="confirm-inline">
      <button
        ref={confirmRef}
        type="button"
        className="btn btn--small btn--danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
      >
        {confirmLabel}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        取消
      </button>
    </span>
  );
}
