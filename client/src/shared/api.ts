import { useEffect, useState } from 'react';

/** The API's base path; every client request goes through here. */
export const API = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Responses are cached per URL for the page's life: the data change at most once a year, and going
// back to a page should be instant. The cache holds promises so parallel callers share one request.
const cache = new Map<string, Promise<unknown>>();

export function getJson<T>(url: string): Promise<T> {
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = fetch(url, { headers: { Accept: 'application/json' } }).then(async (response) => {
      if (!response.ok) {
        let detail = response.statusText;
        try {
          const problem = (await response.json()) as { title?: string; detail?: string };
          detail = problem.detail ?? problem.title ?? detail;
        } catch {
          // not a problem+json body; keep the status text
        }
        throw new ApiError(response.status, detail);
      }
      return (await response.json()) as T;
    });
    pending.catch(() => cache.delete(url)); // errors are not cached, a retry asks again
    cache.set(url, pending);
  }
  return pending;
}

export function apiUrl(
  path: string,
  params: Record<string, string | number | null | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return `${API}${path}${search ? `?${search}` : ''}`;
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/** Fetch a URL (null: nothing) and turn the JSON into a view model with `map`. */
export function useApi<R, T = R>(url: string | null, map?: (raw: R) => T): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: url !== null });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `map` is a pure function of the response; only the URL decides a refetch
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    getJson<R>(url).then(
      (raw) =>
        live && setState({ data: map ? map(raw) : (raw as unknown as T), error: undefined, loading: false }),
      (error: Error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  return state;
}

/** Every page of a paged list (following `_links.next`), as one array; for lists that can outgrow a page. */
export function useAllPages<T>(url: string | null, listKey: string): Loaded<T[]> {
  const [state, setState] = useState<Loaded<T[]>>({
    data: undefined,
    error: undefined,
    loading: url !== null,
  });
  useEffect(() => {
    if (url === null) {
      setState({ data: undefined, error: undefined, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, error: undefined, loading: true }));
    (async () => {
      const all: T[] = [];
      let next: string | undefined = url;
      // Bounded: a list of more than 50 pages is not what a page of the app shows.
      for (let page = 0; next && page < 50; page++) {
        const body: Record<string, unknown> & { _links?: { next?: { href: string } } } = await getJson(next);
        all.push(...((body[listKey] as T[] | undefined) ?? []));
        next = body._links?.next?.href;
      }
      return all;
    })().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: Error) => live && setState({ data: undefined, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [url, listKey]);
  return state;
}
