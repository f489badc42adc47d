import { type AnchorHTMLAttributes, type MouseEvent, useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny URL-state router: the whole UI state lives in location.pathname + location.search, so a
 * link is shareable and back/forward work. Four routes and query strings do not need a library.
 */

const listeners = new Set<() => void>();
const NAVIGATE_EVENT = 'buurtpeil:navigate';

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export interface Location {
  path: string;
  query: URLSearchParams;
}

/** The current path and query; re-renders on every navigation (links, back, forward). */
export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const [path = '/', search = ''] = href.split('?');
  return { path, query: new URLSearchParams(search) };
}

/** Go to a path (+ query). `replace` for changes that should not make a history entry. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** A path with query parameters; empty values are left out so URLs stay short. */
export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Read and write one query parameter of the current page. */
export function useQueryParam(key: string, fallback: string): [string, (value: string | null) => void] {
  const { path, query } = useLocation();
  const value = query.get(key) ?? fallback;
  const set = useCallback(
    (next: string | null) => {
      const params = new URLSearchParams(window.location.search);
      if (next === null || next === '') params.delete(key);
      else params.set(key, next);
      const search = params.toString();
      navigate(search ? `${window.location.pathname}?${search}` : window.location.pathname);
    },
    [key],
  );
  void path;
  return [value, set];
}

/** Update several query parameters in one history entry. */
export function setQuery(params: Record<string, string | number | null | undefined>, replace = false): void {
  const query = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') query.delete(key);
    else query.set(key, String(value));
  }
  const search = query.toString();
  navigate(search ? `${window.location.pathname}?${search}` : window.location.pathname, { replace });
}

export type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** An ordinary <a> that navigates without reloading; modified clicks (new tab) are left to the browser. */
export function Link({ href: to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    if (rest.target || rest.download !== undefined) return;
    event.preventDefault();
    navigate(to);
    window.scrollTo(0, 0);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
