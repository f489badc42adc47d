/** Requests of the beheer screens: never cached, with the session's CSRF token on every change. */

import type { ChangedFigures, ChangedRow, ImportReportBody, RowErrorBody } from '../../../schemas/imports.ts';
import type { InvalidParam } from '../../../schemas/problem.ts';

// The shapes of beheer's answers come from the API's own schemas (schemas/).
export type { ChangedFigures, ChangedRow, InvalidParam };
export type RowError = RowErrorBody;
export type ImportReport = ImportReportBody;

/** A problem+json answer, with the import report when a commit was refused. */
export class BeheerError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly invalidParams: InvalidParam[] = [],
    readonly report?: ImportReport,
  ) {
    super(detail || title);
  }
}

export type { Role } from '../../../schemas/enums.ts';

import type { Role } from '../../../schemas/enums.ts';

export interface SessionInfo {
  gebruiker: { id: number; gebruikersnaam: string; naam: string; rol: Role };
  csrfToken: string;
}

let csrfToken = '';
/** Called when any request finds the session gone (401), so the app can show the login form. */
let onSessionLost: () => void = () => {};

export function setCsrfToken(token: string): void {
  csrfToken = token;
}
export function whenSessionLost(handler: () => void): void {
  onSessionLost = handler;
}

async function toError(response: Response): Promise<BeheerError> {
  try {
    const body = (await response.json()) as {
      title?: string;
      detail?: string;
      invalidParams?: InvalidParam[];
      rapport?: ImportReport;
    };
    return new BeheerError(
      response.status,
      body.title ?? response.statusText,
      body.detail ?? body.title ?? '',
      body.invalidParams ?? [],
      body.rapport,
    );
  } catch {
    return new BeheerError(
      response.status,
      response.statusText,
      `De server antwoordde met ${response.status}.`,
    );
  }
}

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { raw?: Blob; handleLogout?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (options.raw) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = options.raw;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new BeheerError(
      0,
      'Geen verbinding',
      'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
    );
  }
  if (response.status === 401 && options.handleLogout !== false) onSessionLost();
  if (!response.ok) throw await toError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: (path: string) => request<void>('DELETE', path),
};

/** "13,5" or "13.5" → 13.5; empty → null; anything else → undefined (not a number). */
export function parseDutchNumber(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised = /,/.test(trimmed) ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  return Number(normalised);
}

export function formatDutchNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace('.', ',');
}

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '');
export const formatCount = (n: number) => n.toLocaleString('nl-NL');
