import { type FormEvent, useState } from 'react';
import type { UserBody } from '../../../schemas/users.ts';
import { MIN_PASSWORD_LENGTH } from '../../../schemas/vocabulary.ts';
import { api, BeheerError, formatDateTime, type Role } from './beheerApi.ts';
import { ErrorSummary, Field, fieldErrorsFrom } from './FormErrors.tsx';
import { type PageMessage, PageNotices } from './PageNotices.tsx';
import { useBeheerData } from './useBeheerData.ts';
import { useFormState } from './useFormState.ts';

type User = UserBody;

interface Organisation {
  id: number;
  naam: string;
  gemeente: string;
}

const FIELD_IDS = {
  gebruikersnaam: 'gebruiker-naam',
  naam: 'gebruiker-volledig',
  rol: 'gebruiker-rol',
  organisatie: 'gebruiker-organisatie',
  wachtwoord: 'gebruiker-wachtwoord',
};

/** Accounts (beheerder only): create, change the role, disable or enable. */
export function UsersPage() {
  const { data, error, reload } = useBeheerData<{ gebruikers: User[] }>('/beheer/gebruikers');
  const organisations =
    useBeheerData<{ organisaties: Organisation[] }>('/beheer/organisaties').data?.organisaties ?? [];
  const organisationName = (id: number | null) =>
    organisations.find((o) => o.id === id)?.naam ?? `organisatie ${id}`;
  const [message, setMessage] = useState<PageMessage>();

  async function change(user: User, patch: Partial<Pick<User, 'rol' | 'uitgeschakeld'>>, done: string) {
    try {
      await api.patch(`/beheer/gebruikers/${user.id}`, patch);
      setMessage({ kind: 'ok', text: done });
      reload();
    } catch (e) {
      setMessage({ kind: 'fout', text: e instanceof BeheerError ? e.detail : 'Opslaan is mislukt.' });
    }
  }

  return (
    <section aria-labelledby="gebruikers-titel">
      <h1 id="gebruikers-titel">Gebruikers</h1>
      <p className="lead">
        Een beheerder beheert gebruikers en alles daarnaast; een redacteur leest cijfers in en houdt
        streefwaarden bij; een partner legt alleen de voortgang vast van de inspanningen van de eigen
        organisatie.
      </p>
      <PageNotices message={message} error={error} />
      {data && (
        <div className="table-scroll card">
          <table className="data-table">
            <caption>{data.gebruikers.length} gebruikers</caption>
            <thead>
              <tr>
                <th scope="col">Gebruikersnaam</th>
                <th scope="col">Naam</th>
                <th scope="col">Rol</th>
                <th scope="col">Status</th>
                <th scope="col">Aangemaakt</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.gebruikers.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.gebruikersnaam}</th>
                  <td>{user.naam}</td>
                  <td>
                    {user.rol === 'partner' ? (
                      <>partner van {organisationName(user.organisatie)}</>
                    ) : (
                      <select
                        aria-label={`Rol van ${user.gebruikersnaam}`}
                        value={user.rol}
                        onChange={(e) =>
                          void change(
                            user,
                            { rol: e.target.value as Role },
                            `${user.gebruikersnaam} is nu ${e.target.value}.`,
                          )
                        }
                      >
                        <option value="beheerder">beheerder</option>
                        <option value="redacteur">redacteur</option>
                      </select>
                    )}
                  </td>
                  <td>{user.uitgeschakeld ? 'Uitgeschakeld' : 'Actief'}</td>
                  <td className="small nowrap">{formatDateTime(user.aangemaakt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() =>
                        void change(
                          user,
                          { uitgeschakeld: !user.uitgeschakeld },
                          user.uitgeschakeld
                            ? `${user.gebruikersnaam} is weer actief.`
                            : `${user.gebruikersnaam} is uitgeschakeld; open sessies zijn beëindigd.`,
                        )
                      }
                    >
                      {user.uitgeschakeld ? 'Inschakelen' : 'Uitschakelen'}
                      <span className="visually-hidden"> {user.gebruikersnaam}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewUserForm
        organisations={organisations}
        onCreated={(name) => {
          setMessage({ kind: 'ok', text: `Gebruiker ${name} is aangemaakt.` });
          reload();
        }}
      />
    </section>
  );
}

function NewUserForm({
  organisations,
  onCreated,
}: {
  organisations: Organisation[];
  onCreated: (username: string) => void;
}) {
  const { form, setForm, set, errors, setErrors, general, setGeneral, clearErrors } = useFormState({
    gebruikersnaam: '',
    naam: '',
    rol: 'redacteur' as Role,
    organisatie: '',
    wachtwoord: '',
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    clearErrors();
    try {
      const { organisatie, ...rest } = form;
      const body =
        form.rol === 'partner' && organisatie ? { ...rest, organisatie: Number(organisatie) } : rest;
      const created = await api.post<User>('/beheer/gebruikers', body);
      setForm({ gebruikersnaam: '', naam: '', rol: 'redacteur', organisatie: '', wachtwoord: '' });
      onCreated(created.gebruikersnaam);
    } catch (e) {
      if (e instanceof BeheerError && e.invalidParams.length > 0)
        setErrors(fieldErrorsFrom(e.invalidParams, FIELD_IDS, 'gebruiker-naam'));
      else setGeneral(e instanceof Error ? e.message : 'Aanmaken is mislukt.');
    }
  }
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section className="card" aria-labelledby="nieuwe-gebruiker-titel">
      <h2 id="nieuwe-gebruiker-titel">Nieuwe gebruiker</h2>
      <ErrorSummary errors={errors} general={general} />
      <form className="beheer-form beheer-form--grid" onSubmit={submit} noValidate>
        <Field
          id="gebruiker-naam"
          label="Gebruikersnaam"
          hint="Kleine letters, cijfers, punt of streepje"
          error={errorOf('gebruiker-naam')}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="off"
              value={form.gebruikersnaam}
              onChange={(e) => set('gebruikersnaam', e.target.value)}
            />
          )}
        </Field>
        <Field id="gebruiker-volledig" label="Volledige naam" error={errorOf('gebruiker-volledig')}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="off"
              value={form.naam}
              onChange={(e) => set('naam', e.target.value)}
            />
          )}
        </Field>
        <Field id="gebruiker-rol" label="Rol" error={errorOf('gebruiker-rol')}>
          {(props) => (
            <select {...props} value={form.rol} onChange={(e) => set('rol', e.target.value)}>
              <option value="redacteur">redacteur</option>
              <option value="beheerder">beheerder</option>
              <option value="partner">partner (één organisatie)</option>
            </select>
          )}
        </Field>
        {form.rol === 'partner' && (
          <Field
            id="gebruiker-organisatie"
            label="Organisatie"
            hint="De partner legt alleen voortgang vast voor inspanningen van deze organisatie"
            error={errorOf('gebruiker-organisatie')}
          >
            {(props) => (
              <select
                {...props}
                value={form.organisatie}
                onChange={(e) => set('organisatie', e.target.value)}
              >
                <option value="">— kies een organisatie —</option>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.naam} ({o.gemeente})
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field
          id="gebruiker-wachtwoord"
          label="Wachtwoord"
          hint={`Minstens ${MIN_PASSWORD_LENGTH} tekens`}
          error={errorOf('gebruiker-wachtwoord')}
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              value={form.wachtwoord}
              onChange={(e) => set('wachtwoord', e.target.value)}
            />
          )}
        </Field>
        <p className="beheer-actions form-field--wide">
          <button type="submit" className="button">
            Gebruiker aanmaken
          </button>
        </p>
      </form>
    </section>
  );
}
