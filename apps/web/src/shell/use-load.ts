import { useCallback, useEffect, useRef, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'ok'; data: T } | { state: 'error'; error: unknown };

/**
 * Loads on mount and whenever `deps` change (showing loading), or on `reload()` (keeping what is
 * shown until the new answer arrives, unless asked to reset). A stale answer never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Load<T>, (reset?: boolean) => void, (data: T) => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const key = JSON.stringify(deps);
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    if (lastKey.current !== key) setResult({ state: 'loading' });
    lastKey.current = key;
    loadRef.current().then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: unknown) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  /** Loads again; `reset` shows loading meanwhile (and unmounts what showed the old data). */
  const reload = useCallback((reset = false) => {
    if (reset) setResult({ state: 'loading' });
    setTick((n) => n + 1);
  }, []);
  const replace = useCallback((data: T) => setResult({ state: 'ok', data }), []);
  return [result, reload, replace];
}
