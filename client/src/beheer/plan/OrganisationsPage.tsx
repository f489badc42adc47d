import { type FormEvent, useState } from 'react';
import { api, BeheerError } from '../beheerApi.ts';
import { ErrorSummary, Field, type FieldError, fieldErrorsFrom } from '../FormErrors.tsx';
import { useBeheerData } from '../useBeheerData.ts';
import { useFocusAfterRender } from '../useFocusAfterRender.ts';
import type { AdminOrganisation, AdminPlans } from './planAdminApi.ts';
import './planAdmin.css';
import { type PageMessage, PageNotices } from '../PageNotices.tsx';

/** Organisations (trekkers and partners): one per name and gemeente, reused across inspanningen. */
export function OrganisationsPage() {
  const { data, error, reload } = useBeheerData<{ organisaties: AdminOrganisation[] }>(
    '/beheer/organisaties',
  );
  const plans = useBeheerData<AdminPlans>('/beheer/plannen');
  const gemeenten = [...new Set(plans.data?.programmas.map((p) => p.gemeente) ?? [])].sort();
  const [message, setMessage] = useState<PageMessage>();
  const [renaming, setRenaming] = useState<{ id: number; naam: string }>();
  const focusAfterRender = useFocusAfterRender();

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (!renaming) return;
    try {
      await api.put(`/beheer/organisaties/${renaming.id}`, { naam: renaming.naam });
      setMessage({ kind: 'ok', text: `De organisatie heet nu ${renaming.naam}.` });
      focusAfterRender(`organisatie-${renaming.id}-hernoem`);
      setRenaming(undefined);
      reload();
    } catch (e) {
      setMessage({ kind: 'fout', text: e instanceof BeheerError ? e.detail : 'Hernoemen is mislukt.' });
    }
  }

  return (
    <section aria-labelledby="organisaties-titel">
      <h1 id="organisaties-titel">Organisaties</h1>
      <p className="lead">
        Trekkers en partners van de inspanningen. Een organisatie bestaat één keer per gemeente en is
        herbruikbaar; een partner-gebruiker werkt namens één organisatie.
      </p>
      <PageNotices message={message} error={error} />
      {data && (
        <div className="table-scroll card">
          <table className="data-table">
            <caption>{data.organisaties.length} organisaties</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Inspanningen</th>
                <th scope="col">Partner-gebruikers</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.organisaties.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {renaming?.id === o.id ? (
                      <form className="beheer-inline" onSubmit={rename}>
                        <label htmlFor={`organisatie-${o.id}-naam`} className="visually-hidden">
                          Nieuwe naam van {o.naam}
                        </label>
                        <input
                          id={`organisatie-${o.id}-naam`}
                          type="text"
                          value={renaming.naam}
                          onChange={(e) => setRenaming({ id: o.id, naam: e.target.value })}
                        />
                        <button type="submit" className="button">
                          Opslaan
                        </button>
                      </form>
                    ) : (
                      o.naam
                    )}
                  </th>
                  <td>{o.gemeente}</td>
                  <td>{o.inspanningen}</td>
                  <td>{o.gebruikers}</td>
                  <td>
                    <button
                      type="button"
                      id={`organisatie-${o.id}-hernoem`}
                      className="button button--secondary"
                      onClick={() => {
                        setRenaming(renaming?.id === o.id ? undefined : { id: o.id, naam: o.naam });
                        focusAfterRender(`organisatie-${o.id}-naam`);
                      }}
                    >
                      {renaming?.id === o.id ? 'Annuleren' : 'Hernoemen'}
                      <span className="visually-hidden"> {o.naam}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NewOrganisationForm
        gemeenten={gemeenten}
        onCreated={(naam) => {
          setMessage({ kind: 'ok', text: `Organisatie ${naam} is aangemaakt.` });
          reload();
        }}
      />
    </section>
  );
}

const FIELD_IDS = { naam: 'organisatie-naam', gemeente: 'organisatie-gemeente' };

function NewOrganisationForm({
  gemeenten,
  onCreated,
}: {
  gemeenten: string[];
  onCreated: (naam: string) => void;
}) {
  const [naam, setNaam] = useState('');
  const [gemeente, setGemeente] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const chosenGemeente = gemeente || gemeenten[0] || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setErrors([]);
    setGeneral(undefined);
    try {
      await api.post('/beheer/organisaties', { naam, gemeente: chosenGemeente });
      setNaam('');
      onCreated(naam.trim());
    } catch (e) {
      if (e instanceof BeheerError && e.invalidParams.length > 0)
        setErrors(fieldErrorsFrom(e.invalidParams, FIELD_IDS, FIELD_IDS.naam));
      else setGeneral(e instanceof Error ? e.message : 'Aanmaken is mislukt.');
    }
  }
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section className="card" aria-labelledby="nieuwe-organisatie-titel">
      <h2 id="nieuwe-organisatie-titel">Nieuwe organisatie</h2>
      <ErrorSummary errors={errors} general={general} />
      <form className="beheer-form beheer-form--grid" onSubmit={submit} noValidate>
        <Field id={FIELD_IDS.naam} label="Naam" error={errorOf(FIELD_IDS.naam)}>
          {(props) => (
            <input
              {...props}
              type="text"
              autoComplete="organization"
              value={naam}
              onChange={(e) => setNaam(e.target.value)}
            />
          )}
        </Field>
        <Field id={FIELD_IDS.gemeente} label="Gemeente" error={errorOf(FIELD_IDS.gemeente)}>
          {(props) => (
            <select {...props} value={chosenGemeente} onChange={(e) => setGemeente(e.target.value)}>
              {gemeenten.map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
            </select>
          )}
        </Field>
        <p className="beheer-actions form-field--wide">
          <button type="submit" className="button">
            Organisatie aanmaken
          </button>
        </p>
      </form>
    </section>
  );
}
