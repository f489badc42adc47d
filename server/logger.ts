import { type DestinationStream, pino } from 'pino';

/**
 * Never in a log line: the session cookie (sent by the browser, and set by the login answer: a
 * logged Set-Cookie would work as a session for whoever reads the log) and the CSRF token.
 */
export const LOG_REDACT = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'res.headers["x-csrf-token"]',
];

/** The app's logger; a destination stream may be given (tests read what would be logged). */
export function createLogger(level: string, destination?: DestinationStream) {
  const options = { level, base: undefined, redact: LOG_REDACT };
  return destination ? pino(options, destination) : pino(options);
}
