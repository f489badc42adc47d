import { type FormEvent, useState } from 'react';
import { BeheerError, request, type SessionInfo } from './beheerApi.ts';
import { ErrorSummary, Field, type FieldError } from './FormErrors.tsx';

export function LoginForm({
  onLoggedIn,
  notice,
}: {
  onLoggedIn: (session: SessionInfo) => void;
  notice?: string | undefined;
}) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!username.trim())
      missing.push({ fieldId: 'login-gebruikersnaam', message: 'Vul uw gebruikersnaam in' });
    if (!password) missing.push({ fieldId: 'login-wachtwoord', message: 'Vul uw wachtwoord in' });
    setErrors(missing);
    setGeneral(undefined);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const session = await request<SessionInfo>(
        'POST',
        '/sessies',
        { gebruikersnaam: username, wachtwoord: password },
        { handleLogout: false },
      );
      setPassword('');
      onLoggedIn(session);
    } catch (error) {
      setGeneral(error instanceof BeheerError ? error.detail || error.title : 'Inloggen is mislukt.');
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section className="page beheer-login" aria-labelledby="login-titel">
      <h1 id="login-titel">Inloggen voor beheer</h1>
      <p className="lead">
        Voor het inlezen van cijfers en het bijhouden van streefwaarden. Bekijken kan iedereen zonder in te
        loggen.
      </p>
      {notice && <p className="notice">{notice}</p>}
      <ErrorSummary
        errors={errors}
        general={general}
        title={general ? 'Inloggen is mislukt' : 'Er is iets niet goed'}
      />
      <form className="card beheer-form" onSubmit={submit} noValidate>
        <Field id="login-gebruikersnaam" label="Gebruikersnaam" error={errorOf('login-gebruikersnaam')}>
          {(props) => (
            <input
              {...props}
              type="text"
              name="gebruikersnaam"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field id="login-wachtwoord" label="Wachtwoord" error={errorOf('login-wachtwoord')}>
          {(props) => (
            <input
              {...props}
              type="password"
              name="wachtwoord"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
      </form>
    </section>
  );
}
