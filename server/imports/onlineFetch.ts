/** The part of `fetch` the online importers use, so tests can hand in a fake that reads fixtures. */
export type FetchJson = (url: string) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

/** Why a request to PDOK or CBS failed; `onbereikbaar` means no network (or no such host). */
export type OnlineFailure = 'onbereikbaar' | 'tijdslimiet' | 'http' | 'ongeldig';

/** A failed request, with one Dutch sentence saying what went wrong and where. */
export class OnlineFetchError extends Error {
  constructor(
    message: string,
    readonly failure: OnlineFailure,
    readonly url: string,
    /** Host and network error code, e.g. "api.pdok.nl: ENOTFOUND", for an unreachable service. */
    readonly detail = '',
  ) {
    super(message);
    this.name = 'OnlineFetchError';
  }
}

export const DEFAULT_ONLINE_TIMEOUT_MS = 60_000;

/** The host part of a URL, for messages ("api.pdok.nl"), without query strings full of filters. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Node's fetch with a time limit on the whole exchange (headers and body). The body is read
 * here, inside the limit, so a server that stalls halfway through its answer is a timeout too.
 */
export function createFetchJson(timeoutMs = DEFAULT_ONLINE_TIMEOUT_MS): FetchJson {
  return async (url) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal });
    const text = await response.text();
    return {
      ok: response.ok,
      status: response.status,
      json: async () => JSON.parse(text) as unknown,
    };
  };
}

export const defaultFetch: FetchJson = createFetchJson();

/**
 * One GET that returns parsed JSON or throws an OnlineFetchError with a Dutch message: the
 * service is unreachable, did not answer in time, answered with an HTTP error, or sent a body
 * that is not JSON.
 */
export async function getJson(fetchImpl: FetchJson, url: string): Promise<unknown> {
  const host = hostOf(url);
  let response: Awaited<ReturnType<FetchJson>>;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    if (isTimeout(error))
      throw new OnlineFetchError(`${host} antwoordde niet op tijd (${url}).`, 'tijdslimiet', url);
    const code = (error as { cause?: { code?: string } }).cause?.code;
    if (error instanceof TypeError || (code && NETWORK_CODES.has(code)))
      throw new OnlineFetchError(
        `${host} is niet bereikbaar${code ? ` (${code})` : ''}.`,
        'onbereikbaar',
        url,
        code ? `${host}: ${code}` : host,
      );
    throw error;
  }
  if (!response.ok) throw new OnlineFetchError(`${url} gaf HTTP ${response.status}.`, 'http', url);
  try {
    return await response.json();
  } catch (error) {
    if (isTimeout(error))
      throw new OnlineFetchError(`${host} antwoordde niet op tijd (${url}).`, 'tijdslimiet', url);
    throw new OnlineFetchError(
      `${host} stuurde geen geldige JSON terug (${url}): ${(error as Error).message}`,
      'ongeldig',
      url,
    );
  }
}
