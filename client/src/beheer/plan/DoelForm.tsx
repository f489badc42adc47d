import type { FormEvent } from 'react';
import type { DoelBody } from '../../../../schemas/plan.ts';
import { api, BeheerError } from '../beheerApi.ts';
import { ErrorSummary, Field, fieldErrorsFrom } from '../FormErrors.tsx';
import { useFormState } from '../useFormState.ts';

export interface FlatDoel {
  doel: DoelBody;
  depth: number;
  parent: number | null;
}

/** The doelen tree as a list in reading order, each with its depth and parent. */
export function flattenTree(doelen: DoelBody[], depth = 0, parent: number | null = null): FlatDoel[] {
  return doelen.flatMap((doel) => [
    { doel, depth, parent },
    ...flattenTree(doel.subdoelen, depth + 1, doel.id),
  ]);
}

/** Which doelen may be a parent of this one: not itself and none of its own subdoelen. */
function possibleParents(all: FlatDoel[], self: FlatDoel | undefined): FlatDoel[] {
  if (!self) return all;
  const excluded = new Set(flattenTree([self.doel]).map((d) => d.doel.id));
  return all.filter((d) => !excluded.has(d.doel.id));
}

/** A new doel (editing undefined) or a change of one: code, titel, omschrijving, bovenliggend doel. */
export function DoelForm({
  programmeId,
  doelen,
  editing,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  doelen: FlatDoel[];
  editing?: FlatDoel | undefined;
  onSaved: (text: string) => void;
  onCancel?: () => void;
}) {
  const prefix = editing ? `doel-${editing.doel.id}` : 'doel-nieuw';
  const ids = {
    code: `${prefix}-code`,
    titel: `${prefix}-titel`,
    omschrijving: `${prefix}-omschrijving`,
    bovenliggend: `${prefix}-bovenliggend`,
  };
  const { form, setForm, set, errors, setErrors, general, setGeneral, clearErrors } = useFormState({
    code: editing?.doel.code ?? '',
    titel: editing?.doel.titel ?? '',
    omschrijving: editing?.doel.omschrijving ?? '',
    bovenliggend: editing?.parent === null || editing?.parent === undefined ? '' : String(editing.parent),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    clearErrors();
    const body = {
      code: form.code,
      titel: form.titel,
      omschrijving: form.omschrijving || null,
      bovenliggend: form.bovenliggend ? Number(form.bovenliggend) : null,
    };
    try {
      if (editing) await api.put(`/beheer/doelen/${editing.doel.id}`, body);
      else await api.post(`/beheer/programmas/${programmeId}/doelen`, body);
      if (!editing) setForm({ code: '', titel: '', omschrijving: '', bovenliggend: '' });
      onSaved(editing ? `Doel ${body.code} is gewijzigd.` : `Doel ${body.code} is aangemaakt.`);
    } catch (e) {
      if (e instanceof BeheerError && e.invalidParams.length > 0)
        setErrors(fieldErrorsFrom(e.invalidParams, ids, ids.code));
      else setGeneral(e instanceof Error ? e.message : 'Opslaan is mislukt.');
    }
  }
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form
      className="beheer-form beheer-form--grid"
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Doel ${editing.doel.code} wijzigen` : 'Nieuw doel'}
    >
      <div className="form-field--wide">
        <ErrorSummary errors={errors} general={general} />
      </div>
      <Field id={ids.code} label="Code" hint="Zoals het plan nummert: 1, 1.1, 1.1a" error={errorOf(ids.code)}>
        {(props) => (
          <input
            {...props}
            type="text"
            className="input--short"
            value={form.code}
            onChange={(e) => set('code', e.target.value)}
          />
        )}
      </Field>
      <Field id={ids.bovenliggend} label="Valt onder" error={errorOf(ids.bovenliggend)}>
        {(props) => (
          <select {...props} value={form.bovenliggend} onChange={(e) => set('bovenliggend', e.target.value)}>
            <option value="">— hoofddoel —</option>
            {possibleParents(doelen, editing).map((d) => (
              <option key={d.doel.id} value={d.doel.id}>
                {'\u2003'.repeat(d.depth)}
                {d.doel.code} {d.doel.titel}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={ids.titel} label="Titel" wide error={errorOf(ids.titel)}>
        {(props) => (
          <input {...props} type="text" value={form.titel} onChange={(e) => set('titel', e.target.value)} />
        )}
      </Field>
      <Field
        id={ids.omschrijving}
        label="Omschrijving (niet verplicht)"
        wide
        error={errorOf(ids.omschrijving)}
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={form.omschrijving}
            onChange={(e) => set('omschrijving', e.target.value)}
          />
        )}
      </Field>
      <p className="beheer-actions form-field--wide">
        <button type="submit" className="button">
          {editing ? 'Doel opslaan' : 'Doel aanmaken'}
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Annuleren
          </button>
        )}
      </p>
    </form>
  );
}
