/**
 * The one modal dialog every form of the app uses, so they all behave the same at the keyboard:
 *   - the first field has focus when it opens; Tab and Shift+Tab stay inside it;
 *   - Esc cancels (or, on the confirmation step, goes back to the form);
 *   - Enter moves to the next field, and in the last field submits; Ctrl+Enter submits from anywhere;
 *     Shift+Enter is a new line in a text area, and a `data-multiline` text area keeps plain Enter too;
 *   - with `confirm`, submitting first shows that sentence and a button to confirm it;
 *   - the backend's Chinese message shows inside the dialog, which stays open so nothing typed is lost.
 * Focus goes back where it was when the dialog closes.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  /** The submit button's text, e.g. 「签收」. */
  submitLabel: string;
  onSubmit(): void | Promise<void>;
  onCancel(): void;
  children?: ReactNode;
  busy?: boolean;
  /** The backend's (or the form's) Chinese message; shown until the next submit. */
  error?: string | null;
  /** When set, submitting first asks for this confirmation (decisions that cannot be taken back). */
  confirm?: ReactNode;
  /** The confirmation step's button; defaults to 「确认{submitLabel}」. */
  confirmLabel?: string;
  submitDisabled?: boolean;
  danger?: boolean;
  /** Wider dialogs for richer forms (派单). */
  size?: 'normal' | 'wide';
  /** Replaces the footer's buttons (e.g. a result that can only be closed). */
  footer?: ReactNode;
  testId?: string;
}

const FIELD_SELECTOR = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const FOCUSABLE_SELECTOR = `${FIELD_SELECTOR}, button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])`;

function visible(el: HTMLElement): boolean {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** The fields in order; a radio group counts once (its checked button), as Tab treats it. */
function fieldsOf(root: HTMLElement): HTMLElement[] {
  const all = Array.from(root.querySelectorAll<HTMLElement>(`.dialog__body ${FIELD_SELECTOR}`)).filter(visible);
  const seen = new Set<string>();
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    if (seen.has(el.name)) return false;
    const group = all.filter((x): x is HTMLInputElement => x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name);
    const pick = group.find((x) => x.checked) ?? group[0];
    if (pick !== el) return false;
    seen.add(el.name);
    return true;
  });
}

export function Dialog(props: DialogProps) {
  const { title, submitLabel, onSubmit, onCancel, children, busy = false, error, confirm, confirmLabel, submitDisabled, danger, size = 'normal', footer, testId } =
    props;
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const [stage, setStage] = useState<'form' | 'confirm'>('form');

  // Remember who had focus, give it back on close (the grid cell the clerk pressed a key in).
  useLayoutEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const form = formRef.current;
    if (form) (fieldsOf(form)[0] ?? form.querySelector<HTMLElement>('.dialog__submit:not(:disabled)') ?? form.querySelector<HTMLElement>('.dialog__cancel'))?.focus();
    return () => {
      if (before && before.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    if (stage === 'confirm') confirmRef.current?.focus();
  }, [stage]);

  // A failed confirmation returns to the form, where the message sits next to the fields; so does a
  // dialog whose confirmation no longer applies (it shows a result now).
  const needsConfirm = !!confirm;
  useEffect(() => {
    if (error || !needsConfirm) setStage('form');
  }, [error, needsConfirm]);

  const submit = () => {
    if (busy || submitDisabled) return;
    if (confirm && stage === 'form') {
      setStage('confirm');
      return;
    }
    void onSubmit();
  };

  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const form = formRef.current;
    if (!form) return;
    const target = e.target as HTMLElement;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (stage === 'confirm') setStage('form');
      else if (!busy) onCancel();
      return;
    }
    if (e.key === 'Tab') {
      const focusable = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE_SELECTOR)).filter(visible);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
      return;
    }
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (target.tagName === 'BUTTON' || target.tagName === 'A') return; // the button's own click
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    if (target.tagName === 'TEXTAREA' && (e.shiftKey || target.dataset['multiline'] !== undefined)) return; // a new line
    e.preventDefault();
    const fields = fieldsOf(form);
    const at = fields.findIndex((f) => f === target || (target instanceof HTMLInputElement && target.type === 'radio' && f instanceof HTMLInputElement && f.name === target.name));
    const next = at >= 0 ? fields[at + 1] : undefined;
    if (next) next.focus();
    else submit();
  };

  return (
    <div className="dialog-backdrop">
      <form
        ref={formRef}
        className={`dialog dialog--${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={onFormSubmit}
        onKeyDown={onKeyDown}
        noValidate
        data-testid={testId}
      >
        <header className="dialog__head">
          <h2 id={titleId}>{title}</h2>
        </header>
        <div className="dialog__body" hidden={stage === 'confirm'}>
          {children}
        </div>
        {stage === 'confirm' && (
          <div className="dialog__confirm" role="alertdialog" aria-live="assertive">
            {confirm}
          </div>
        )}
        {error && (
          <div className="dialog__error" role="alert">
            {error}
          </div>
        )}
        <footer className="dialog__foot">
          <span className="dialog__keys" aria-hidden>
            {stage === 'confirm' ? 'Enter 确认 · Esc 返回修改' : 'Enter 下一项 / 提交 · Esc 取消'}
          </span>
          {footer ??
            (stage === 'confirm' ? (
              <>
                <button type="button" className="btn dialog__cancel" onClick={() => setStage('form')} disabled={busy}>
                  返回修改
                </button>
                <button
                  ref={confirmRef}
                  type="button"
                  className={`btn ${danger ? 'btn--danger' : 'btn--primary'} dialog__submit`}
                  onClick={() => void onSubmit()}
                  disabled={busy}
                >
                  {busy ? '正在保存…' : (confirmLabel ?? `确认${submitLabel}`)}
                </button>
              </>
            ) : (
              <>
                <button type="button" className="btn dialog__cancel" onClick={onCancel} disabled={busy}>
                  取消
                </button>
                <button type="submit" className={`btn ${danger ? 'btn--danger' : 'btn--primary'} dialog__submit`} disabled={busy || submitDisabled}>
                  {busy ? '正在保存…' : submitLabel}
                </button>
              </>
            ))}
        </footer>
      </form>
    </div>
  );
}
