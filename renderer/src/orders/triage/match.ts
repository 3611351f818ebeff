/** How a picker's type-ahead matches an option: characters, 拼音首字母 or full pinyin. */
export interface PickOption<V extends string | number> {
  value: V;
  label: string;
  /** Lowercase 拼音首字母 and full pinyin (from orders.facets). */
  initials?: string;
  spell?: string;
  /** Indentation level (category tree). */
  level?: number;
}

/** Characters, initials or pinyin; several words must all match. */
export function matchesOption(o: PickOption<string | number>, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => o.label.toLowerCase().includes(w) || (o.initials ?? '').includes(w) || (o.spell ?? '').replace(/\s+/g, '').includes(w));
}
