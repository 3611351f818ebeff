/** A labelled form field, a choice of a few options as radio buttons, and Beijing-time text input helpers. */
import { useState, type ReactNode } from 'react';
import { formatBeijing, parseBeijing } from '../../../preload/contract/time.js';

export function Field({ label, hint, required, children, wide }: { label: string; hint?: ReactNode; required?: boolean; children: ReactNode; wide?: boolean }) {
  // The hint stays outside the <label>, so the control's accessible name is just its label.
  return (
    <div className={`field${wide ? ' field--wide' : ''}`}>
      <label className="field__control">
        <span className="field__label">
          {label}
          {required && (
            <span className="field__required" aria-hidden>
              *
            </span>
          )}
        </span>
        {children}
      </label>
      {hint && <span className="field__hint">{hint}</span>}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** A row of radio buttons: arrow keys move between them, as in any radio group. */
export function Choices<T extends string>(props: { legend: string; name: string; value: NoInfer<T> | ''; options: ReadonlyArray<Choice<T>>; onChange(v: NoInfer<T>): void }) {
  const { legend, name, value, options, onChange } = props;
  return (
    <fieldset className="choices">
      <legend className="field__label">{legend}</legend>
      <div className="choices__row">
        {options.map((o) => (
          <label key={o.value} className={`choices__item${o.value === value ? ' choices__item--on' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Options of a `<select>` from a code → label map. */
export function optionsOf<T extends string>(codes: readonly T[], label: Record<T, string>): Array<Choice<T>> {
  return codes.map((value) => ({ value, label: label[value] }));
}

/** Now, as a clerk types Beijing time: '2026-11-28 09:30'. */
export const nowText = () => formatBeijing(Date.now());

/**
 * A time field that defaults to now. Left as shown, it means "now" at the moment of saving (to the
 * millisecond, so a callback recorded a minute after the reply is never dated before it); edited, it
 * means what the clerk typed.
 */
export function useNowField(what: string) {
  const [initial] = useState(nowText);
  const [text, setText] = useState(initial);
  const read = () => (text.trim() === initial ? ({ ok: true, ms: Date.now() } as const) : readTime(text, what));
  return { text, setText, read };
}

/** Reads a Beijing wall-clock time typed by the clerk; the Chinese reason when unreadable. */
export function readTime(text: string, what: string): { ok: true; ms: number } | { ok: false; message: string } {
  const ms = parseBeijing(text);
  if (ms === null) return { ok: false, message: `${what}格式不正确，请按“2026-03-05 14:30”的格式填写（北京时间）。` };
  return { ok: true, ms };
}
