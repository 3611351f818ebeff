/**
 * A small panel under a filter chip: opens on click or Enter, closes on Esc, on a click outside, or
 * when focus leaves it; focus returns to the chip. Keyboard users reach every control with Tab.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Popover({ label, active, children, testId, wide }: { label: ReactNode; active: boolean; children: (close: () => void) => ReactNode; testId: string; wide?: boolean }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    // The first control of the panel takes the keyboard.
    window.setTimeout(() => root.current?.querySelector<HTMLElement>('.popover__panel input, .popover__panel button, .popover__panel select')?.focus(), 0);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  return (
    <div
      ref={root}
      className="popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`filter-chip${active ? ' filter-chip--on' : ''}`}
        aria-expanded={open}
        data-testid={testId}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
        <span className="filter-chip__caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <div className={`popover__panel${wide ? ' popover__panel--wide' : ''}`} role="dialog" data-testid={`${testId}-panel`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
