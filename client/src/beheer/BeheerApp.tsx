import { useCallback, useEffect, useState } from 'react';
import { Link, navigate, useLocation } from '../shared/router.tsx';
import { AuditPage } from './AuditPage.tsx';
import { BeheerError, request, type SessionInfo, setCsrfToken, whenSessionLost } from './beheerApi.ts';
import { ImportsPage } from './ImportsPage.tsx';
import { LoginForm } from './LoginForm.tsx';
import { OrganisationsPage } from './plan/OrganisationsPage.tsx';
import { PlanPage } from './plan/PlanPage.tsx';
import { VoortgangPage } from './plan/VoortgangPage.tsx';
import { TargetsPage } from './TargetsPage.tsx';
import { UploadPage } from './UploadPage.tsx';
import { UsersPage } from './UsersPage.tsx';
import './beheer.css';

const SECTIONS = [
  { path: '/beheer/upload', label: 'Cijfers inlezen', roles: ['beheerder', 'redacteur'] },
  { path: '/beheer/imports', label: 'Imports', roles: ['beheerder', 'redacteur'] },
  { path: '/beheer/streefwaarden', label: 'Streefwaarden', roles: ['beheerder', 'redacteur'] },
  { path: '/beheer/plan', label: 'Doelen en inspanningen', roles: ['beheerder', 'redacteur'] },
  { path: '/beheer/organisaties', label: 'Organisaties', roles: ['beheerder', 'redacteur'] },
  { path: '/beheer/voortgang', label: 'Voortgang', roles: ['beheerder', 'redacteur', 'partner'] },
  { path: '/beheer/gebruikers', label: 'Gebruikers', roles: ['beheerder'] },
  { path: '/beheer/audit', label: 'Auditlog', roles: ['beheerder', 'redacteur'] },
] as const;

type SessionState =
  | { status: 'laden' }
  | { status: 'uit'; notice?: string }
  | { status: 'in'; session: SessionInfo };

/** The beheer part of the client (login, uploads, targets, users, audit), loaded only on /beheer. */
export default function BeheerApp() {
  const { path } = useLocation();
  const [state, setState] = useState<SessionState>({ status: 'laden' });

  const loggedIn = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'in', session });
  }, []);

  useEffect(() => {
    whenSessionLost(() => {
      setCsrfToken('');
      setState({ status: 'uit', notice: 'Uw sessie is verlopen of beëindigd. Log opnieuw in.' });
    });
    request<SessionInfo>('GET', '/sessies/huidig', undefined, { handleLogout: false }).then(
      loggedIn,
      (error) =>
        setState({
          status: 'uit',
          ...(error instanceof BeheerError && error.status !== 401 ? { notice: error.detail } : {}),
        }),
    );
  }, [loggedIn]);

  async function logout() {
    try {
      await request('DELETE', '/sessies/huidig', undefined, { handleLogout: false });
    } catch {
      // Already gone on the server: logged out either way.
    }
    setCsrfToken('');
    setState({ status: 'uit', notice: 'U bent uitgelogd.' });
    navigate('/beheer');
  }

  if (state.status === 'laden') return <p className="page loading">Laden…</p>;
  if (state.status === 'uit') return <LoginForm onLoggedIn={loggedIn} notice={state.notice} />;

  const { gebruiker } = state.session;
  const sections = SECTIONS.filter((s) => (s.roles as readonly string[]).includes(gebruiker.rol));
  const current = sections.find((s) => path.startsWith(s.path)) ?? sections[0]!;

  return (
    <div className="page page--wide beheer">
      <div className="beheer-bar">
        <p className="beheer-bar__user">
          Ingelogd als <strong>{gebruiker.naam}</strong> ({gebruiker.rol})
        </p>
        <button type="button" className="button button--secondary" onClick={logout}>
          Uitloggen
        </button>
      </div>
      <nav aria-label="Beheer" className="beheer-nav">
        <ul>
          {sections.map((section) => (
            <li key={section.path}>
              <Link href={section.path} aria-current={section === current ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <BeheerSection path={current.path} role={gebruiker.rol} />
    </div>
  );
}

function BeheerSection({ path, role }: { path: string; role: string }) {
  switch (path) {
    case '/beheer/imports':
      return <ImportsPage />;
    case '/beheer/streefwaarden':
      return <TargetsPage />;
    case '/beheer/gebruikers':
      return role === 'beheerder' ? <UsersPage /> : null;
    case '/beheer/audit':
      return <AuditPage />;
    case '/beheer/plan':
      return <PlanPage />;
    case '/beheer/organisaties':
      return <OrganisationsPage />;
    case '/beheer/voortgang':
      return <VoortgangPage />;
    default:
      return <UploadPage />;
  }
}
