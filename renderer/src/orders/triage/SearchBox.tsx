/**
 * The one search box over content, address, order number and phone (full, start or last 4 digits).
 * Typing searches after a short pause; Enter searches at once; Esc clears. `/` anywhere in the 工单
 * view puts the cursor here (OrdersView).
 */
import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 350;

export function SearchBox({ value, onChange }: { value: string; onChange(v: string): void }) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  // A view or 清除筛选 replaces the search from outside.
  useEffect(() => setText(value), [value]);
  const commit = (v: string) => {
    window.clearTimeout(timer.current);
    if (v.trim() !== value.trim()) onChange(v.trim());
  };
  return (
    <div className="searchbox" role="search">
      <input
        id="orders-search"
        className="input searchbox__input"
        type="search"
        placeholder="搜索内容、地址、工单编号、电话（按 / 定位）"
        aria-label="搜索工单"
        value={text}
        maxLength={200}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => commit(v), DEBOUNCE_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
          if (e.key === 'Escape' && text) {
            e.stopPropagation();
            setText('');
            commit('');
          }
        }}
      />
    </div>
  );
}
