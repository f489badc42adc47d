/**
 * Session and login-throttle limits. Read from the environment at start-up so that an operator
 * can tighten them; the defaults follow OWASP's session guidance for an admin interface.
 */
export interface AuthSettings {
  /** A session unused for this long is over (idle timeout). */
  idleTimeoutMs: number;
  /** A session is over this long after login, however active (absolute timeout). */
  absoluteTimeoutMs: number;
  /** Failed logins per username + IP address allowed within `throttleWindowMs`. */
  maxFailedLogins: number;
  /** Failed logins per username from all addresses together within the window. */
  maxFailedLoginsPerAccount: number;
  /** Failed logins per address for all user names together within the window (password spraying). */
  maxFailedLoginsPerAddress: number;
  throttleWindowMs: number;
  /** The cookie gets `Secure` and the `__Host-` prefix unless this is a plain-http setup. */
  secureCookies: boolean;
}

const minutes = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return (Number.isFinite(parsed) && parsed > 0 ? parsed : fallback) * 60_000;
};

export function readAuthSettings(secureCookies: boolean, env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return {
    idleTimeoutMs: minutes(env.BUURTPEIL_SESSIE_INACTIEF_MINUTEN, 30),
    absoluteTimeoutMs: minutes(env.BUURTPEIL_SESSIE_MAX_MINUTEN, 12 * 60),
    maxFailedLogins: Number(env.BUURTPEIL_MAX_MISLUKTE_LOGINS ?? 5) || 5,
    maxFailedLoginsPerAccount: Number(env.BUURTPEIL_MAX_MISLUKTE_LOGINS_ACCOUNT ?? 20) || 20,
    maxFailedLoginsPerAddress: Number(env.BUURTPEIL_MAX_MISLUKTE_LOGINS_ADRES ?? 20) || 20,
    throttleWindowMs: minutes(env.BUURTPEIL_LOGIN_VENSTER_MINUTEN, 15),
    secureCookies,
  };
}

/**
 * `__Host-` cookies must be Secure, so a plain-http development or test setup (secureCookies
 * false) uses the same name without the prefix; browsers would otherwise drop the cookie.
 */
export function sessionCookieName(settings: AuthSettings): string {
  return settings.secureCookies ? '__Host-buurtpeil' : 'buurtpeil';
}
