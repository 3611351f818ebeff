/** Loading what a settings page shows, with a reload after each save; failures become a Chinese line. */
import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../app/errors.js';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (d) => {
        if (!live) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => live && setError(describeError(e, '读取失败').message),
    );
    return () => {
      live = false;
    };
  }, [load, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload };
}

/** Runs one save; resolves true when it worked, else puts the backend's message in `setError`. */
export async function attempt(run: () => Promise<unknown>, setError: (m: string | null) => void): Promise<boolean> {
  setError(null);
  try {
    await run();
    return true;
  } catch (e) {
    setError(describeError(e).message);
    return false;
  }
}
