/** A value with an 「改名」 button that turns into a text box: Enter saves, Esc gives up. */
import { useState } from 'react';

export function InlineEdit({ value, onSave, label = '改名', ariaLabel }: { value: string; onSave(next: string): Promise<boolean>; label?: string; ariaLabel: string }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(value);
  if (!editing)
    return (
      <button
        type="button"
        className="btn btn--small"
        onClick={() => {
          setText(value);
          setEditing(true);
        }}
      >
        {label}
      </button>
    );
  const save = async () => {
    if (text.trim() === value || !text.trim()) return setEditing(false);
    if (await onSave(text.trim())) setEditing(false);
  };
  return (
    <span className="inline-edit">
      <input
        type="text"
        autoFocus
        aria-label={ariaLabel}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void save();
          } else if (e.key === 'Escape') setEditing(false);
        }}
      />
      <button type="button" className="btn btn--small btn--primary" onClick={() => void save()}>
        保存
      </button>
      <button type="button" className="btn btn--small" onClick={() => setEditing(false)}>
        取消
      </button>
    </span>
  );
}
