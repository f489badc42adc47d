import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, BeheerError } from './beheerApi.ts';
import { ErrorSummary, Field, type FieldError } from './FormErrors.tsx';
import type { ProgrammeArea, ProgrammeDetail } from './targetModel.ts';

/** The programme's name, reference area and areas (focus buurten/wijken and programme areas). */
export function ProgrammeForm({
  programme,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeDetail;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(programme.naam);
  const [reference, setReference] = useState(programme.referentiegebied);
  const [areas, setAreas] = useState<ProgrammeArea[]>(programme.gebieden);
  const [newCode, setNewCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  function addArea() {
    const code = newCode.trim().toUpperCase();
    if (!code) return;
    if (areas.some((a) => a.gebiedscode === code)) {
      setErrors([{ fieldId: 'programma-nieuw-gebied', message: `${code} staat al in de lijst` }]);
      return;
    }
    setAreas([...areas, { gebiedscode: code, rol: 'focus', label: null, naam: null }]);
    setNewCode('');
    setErrors([]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(undefined);
    try {
      await api.patch(`/beheer/programmas/${programme.id}`, {
        naam: name,
        referentiegebied: reference.trim(),
        gebieden: areas.map((a) => ({ gebiedscode: a.gebiedscode, rol: a.rol, label: a.label })),
      });
      onSaved();
    } catch (error) {
      if (error instanceof BeheerError && error.invalidParams.length > 0) {
        setErrors(
          error.invalidParams.map((p) => {
            const index = /^gebieden\.(\d+)/.exec(p.name)?.[1];
            const fieldId =
              p.name === 'naam'
                ? 'programma-naam'
                : p.name === 'referentiegebied'
                  ? 'programma-referentie'
                  : index !== undefined
                    ? `programma-gebied-${index}`
                    : 'programma-naam';
            return { fieldId, message: p.reason };
          }),
        );
      } else setGeneral(error instanceof Error ? error.message : 'Opslaan is mislukt.');
    }
  }

  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section className="card" aria-labelledby="programma-titel">
      <h2 id="programma-titel" tabIndex={-1} ref={heading}>
        Programma wijzigen
      </h2>
      <ErrorSummary errors={errors} general={general} />
      <form className="beheer-form" onSubmit={submit} noValidate>
        <Field id="programma-naam" label="Naam" error={errorOf('programma-naam')}>
          {(props) => (
            <input
              {...props}
              type="text"
              className="input--long"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="programma-referentie"
          label="Referentiegebied"
          hint="Meestal de gemeente, bijvoorbeeld GM1916"
          error={errorOf('programma-referentie')}
        >
          {(props) => (
            <input
              {...props}
              type="text"
              className="input--short"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
        </Field>
        <fieldset className="form-field">
          <legend className="form-field__label">Gebieden (indeling {programme.indeling})</legend>
          <ul className="plain-list beheer-areas">
            {areas.map((area, index) => (
              <li key={area.gebiedscode}>
                <span id={`programma-gebied-${index}`} tabIndex={-1}>
                  {area.label ?? area.naam ?? area.gebiedscode} ({area.gebiedscode})
                </span>
                {errorOf(`programma-gebied-${index}`) && (
                  <span className="form-field__error"> {errorOf(`programma-gebied-${index}`)}</span>
                )}
                <select
                  aria-label={`Rol van ${area.gebiedscode}`}
                  value={area.rol}
                  onChange={(e) =>
                    setAreas(
                      areas.map((a, i) =>
                        i === index ? { ...a, rol: e.target.value as ProgrammeArea['rol'] } : a,
                      ),
                    )
                  }
                >
                  <option value="focus">focusgebied</option>
                  <option value="programmagebied">programmagebied</option>
                </select>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setAreas(areas.filter((_, i) => i !== index))}
                >
                  Verwijder<span className="visually-hidden"> {area.gebiedscode}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="beheer-inline">
            <Field
              id="programma-nieuw-gebied"
              label="Gebied toevoegen (code)"
              error={errorOf('programma-nieuw-gebied')}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  className="input--short"
                  value={newCode}
                  onChange={(e) => setNewCode(e.target.value)}
                />
              )}
            </Field>
            <button type="button" className="button button--secondary" onClick={addArea}>
              Toevoegen
            </button>
          </div>
        </fieldset>
        <p className="beheer-actions">
          <button type="submit" className="button">
            Programma opslaan
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Annuleren
          </button>
        </p>
      </form>
    </section>
  );
}
