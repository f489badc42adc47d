/**
 * Whether an error means "the database cannot be reached right now" (down, restarting, frozen,
 * out of connections, or a statement or pool wait timed out) rather than a bug in a query. Those
 * become 503 with Retry-After instead of 500. Pure: no database, no Express.
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
/** SQLSTATEs: admin/crash shutdown, cannot connect now, too many connections, statement timeout. */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /Connection terminated/i,
  /Query read timeout/i,
  /not queryable/i,
  /Connection closed/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08')))
      return true;
    if (typeof message === 'string' && MESSAGES.some((pattern) => pattern.test(message))) return true;
    if ((current as { name?: unknown }).name === 'AggregateError') {
      const errors = (current as { errors?: unknown[] }).errors ?? [];
      if (errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    }
    current = cause;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
