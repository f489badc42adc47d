import { useCallback, useEffect, useState } from 'react';
import { api } from './beheerApi.ts';

/** Loads a beheer resource (never cached) and reloads it on demand after a change. */
export function useBeheerData<T>(path: string | null) {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setError(undefined);
    api.get<T>(path).then(
      (result) => live && setData(result),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [path, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
