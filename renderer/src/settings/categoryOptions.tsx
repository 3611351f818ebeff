/** The category taxonomy as a flat, indented list of paths, for pickers (duty lists, templates, routing). */
import { useCallback } from 'react';
import type { CategoryLevel1 } from '../../../preload/api.js';
import { useApi } from '../api/ApiContext.js';
import { useLoad } from './useLoad.js';

export interface CategoryOption {
  path: string;
  name: string;
  level: number;
}

export function flattenTree(tree: CategoryLevel1[]): CategoryOption[] {
  const out: CategoryOption[] = [];
  for (const l1 of tree) {
    out.push({ path: l1.path, name: l1.name, level: 1 });
    for (const l2 of l1.children) {
      out.push({ path: l2.path, name: l2.name, level: 2 });
      for (const l3 of l2.children) out.push({ path: l3.path, name: l3.name, level: 3 });
    }
  }
  return out;
}

export function useCategoryOptions(): CategoryOption[] | null {
  const client = useApi();
  const load = useCallback(() => client.send('categories.tree', {}).then(flattenTree), [client]);
  return useLoad(load).data;
}

/** `<option>`s for a category picker; indentation with full-width spaces shows the level. */
export function CategoryOptions({ options }: { options: CategoryOption[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.path} value={o.path}>
          {'　'.repeat(o.level - 1)}
          {o.name}
        </option>
      ))}
    </>
  );
}
