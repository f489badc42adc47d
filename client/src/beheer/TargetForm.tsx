import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, BeheerError, formatDutchNumber, parseDutchNumber } from './beheerApi.ts';
import { ErrorSummary, Field, type FieldError, fieldErrorsFrom } from './FormErrors.tsx';
import {
  DECISION_FIELD_IDS,
  DecisionFields,
  RelatedSeriesField,
  relatedOf,
} from './TargetDecisionFields.tsx';
import { areaLabel, KIND_LABELS, type ProgrammeDetail, type Target, type TargetKind } from './targetModel.ts';

const FIELD_IDS: Record<string, string> = {
  ...DECISION_FIELD_IDS,
  indicatorId: 'doel-indicator',
  gebiedscode: 'doel-gebied',
  horizon: 'doel-horizon-10',
  streefjaar: 'doel-streefjaar',
  soort: 'doel-soort-absoluut',
  streefwaarde: 'doel-streefwaarde',
  referentiegebied: 'doel-referentiegebied',
  richting: 'doel-richting',
  basisjaar: 'doel-basisjaar',
  basiswaarde: 'doel-basiswaarde',
  planTekst: 'doel-plantekst',
  toelichting: 'doel-toelichting',
};

interface Draft {
  indicatorId: string;
  gebiedscode: string;
  horizon: 10 | 20;
  streefjaar: string;
  soort: TargetKind;
  streefwaarde: string;
  referentiegebied: string;
  richting: '' | 'toename' | 'afname';
  basisjaar: string;
  basiswaarde: string;
  planTekst: string;
  toelichting: string;
  besluitKenmerk: string;
  besluitDatum: string;
  verwant: string;
}

function draftOf(programme: ProgrammeDetail, target: Target | undefined): Draft {
  return {
    indicatorId: target?.indicatorId ?? '',
    gebiedscode: target?.gebiedscode ?? programme.gebieden[0]?.gebiedscode ?? '',
    horizon: target?.horizon === 20 ? 20 : 10,
    streefjaar: String(target?.streefjaar ?? programme.startjaar + 10),
    soort: target?.soort ?? 'absoluut',
    streefwaarde: formatDutchNumber(target?.streefwaarde),
    referentiegebied: target?.referentiegebied ?? programme.referentiegebied,
    richting: target?.richting ?? '',
    basisjaar: target?.basisjaar === null || target?.basisjaar === undefined ? '' : String(target.basisjaar),
    basiswaarde: formatDutchNumber(target?.basiswaarde),
    planTekst: target?.planTekst ?? '',
    toelichting: target?.toelichting ?? '',
    besluitKenmerk: '',
    besluitDatum: '',
    verwant: relatedOf(programme, target?.indicatorId ?? ''),
  };
}

/** Create or change one target of any of the three kinds; every problem named at its field, in Dutch. */
export function TargetForm({
  programme,
  target,
  onSaved,
  onCancel,
}: {
  programme: ProgrammeDetail;
  target?: Target | undefined;
  onSaved: (saved: Target) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(programme, target));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form opens above a long table: bring it into view and give keyboard focus a starting point.
  useEffect(() => heading.current?.focus(), []);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorOf = (id: string) =>
    errors
      .filter((e) => e.fieldId === id)
      .map((e) => e.message)
      .join('; ') || undefined;

  const areaCodes = [
    ...new Set(
      [...programme.gebieden.map((a) => a.gebiedscode), programme.referentiegebied, draft.gebiedscode].filter(
        Boolean,
      ),
    ),
  ];

  function toBody(): { body?: Record<string, unknown>; problems: FieldError[] } {
    const problems: FieldError[] = [];
    const numberField = (text: string, key: string, label: string) => {
      const value = parseDutchNumber(text);
      if (value === undefined)
        problems.push({ fieldId: FIELD_IDS[key]!, message: `${label}: vul een getal in, bijvoorbeeld 13,5` });
      return value ?? null;
    };
    const yearField = (text: string, key: string, label: string) => {
      if (text.trim() === '') return null;
      if (!/^\d{4}$/.test(text.trim())) {
        problems.push({ fieldId: FIELD_IDS[key]!, message: `${label}: vul een jaartal van vier cijfers in` });
        return null;
      }
      return Number(text);
    };
    if (!draft.indicatorId) problems.push({ fieldId: FIELD_IDS.indicatorId!, message: 'Kies een indicator' });
    const streefjaar = yearField(draft.streefjaar, 'streefjaar', 'Streefjaar');
    if (draft.streefjaar.trim() === '')
      problems.push({ fieldId: FIELD_IDS.streefjaar!, message: 'Vul het streefjaar in' });
    const body = {
      ...(target ? {} : { programmaId: programme.id }),
      indicatorId: draft.indicatorId,
      gebiedscode: draft.gebiedscode,
      horizon: draft.horizon,
      streefjaar,
      soort: draft.soort,
      streefwaarde:
        draft.soort === 'richting' ? null : numberField(draft.streefwaarde, 'streefwaarde', 'Streefwaarde'),
      referentiegebied: draft.soort === 'referentieniveau' ? draft.referentiegebied.trim() || null : null,
      richting: draft.soort === 'richting' ? draft.richting || null : null,
      basisjaar: yearField(draft.basisjaar, 'basisjaar', 'Basisjaar'),
      basiswaarde: numberField(draft.basiswaarde, 'basiswaarde', 'Basiswaarde'),
      planTekst: draft.planTekst.trim() || null,
      toelichting: draft.toelichting.trim() || null,
      // Only a decision given with this change is sent (see DecisionFields).
      ...(draft.besluitKenmerk.trim() ? { besluitKenmerk: draft.besluitKenmerk.trim() } : {}),
      ...(draft.besluitDatum ? { besluitDatum: draft.besluitDatum } : {}),
    };
    return problems.length > 0 ? { problems } : { body, problems };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(undefined);
    const { body, problems } = toBody();
    setErrors(problems);
    if (!body) return;
    setBusy(true);
    try {
      const saved = target
        ? await api.patch<Target>(`/beheer/streefwaarden/${target.id}`, body)
        : await api.post<Target>('/beheer/streefwaarden', body);
      if (draft.verwant !== relatedOf(programme, draft.indicatorId)) {
        await api.patch(`/beheer/programmas/${programme.id}/rijen/${encodeURIComponent(draft.indicatorId)}`, {
          verwanteIndicatorId: draft.verwant || null,
        });
      }
      onSaved(saved);
    } catch (error) {
      if (error instanceof BeheerError && error.invalidParams.length > 0) {
        setErrors(fieldErrorsFrom(error.invalidParams, FIELD_IDS, 'doel-indicator'));
      } else {
        setGeneral(error instanceof Error ? error.message : 'Opslaan is mislukt.');
      }
    } finally {
      setBusy(false);
    }
  }

  const title = target ? 'Streefwaarde wijzigen' : 'Nieuwe streefwaarde';
  return (
    <section className="card" aria-labelledby="doel-titel">
      <h2 id="doel-titel" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <ErrorSummary errors={errors} general={general} />
      <form className="beheer-form beheer-form--grid" onSubmit={submit} noValidate>
        <Field id="doel-indicator" label="Indicator" wide error={errorOf('doel-indicator')}>
          {(props) => (
            <select
              {...props}
              value={draft.indicatorId}
              onChange={(e) =>
                setDraft((d) => ({
                  ...d,
                  indicatorId: e.target.value,
                  verwant: relatedOf(programme, e.target.value),
                }))
              }
            >
              <option value="">Kies een indicator…</option>
              {programme.indicatoren.map((indicator) => (
                <option key={indicator.id} value={indicator.id}>
                  {indicator.naam} ({indicator.eenheid})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="doel-gebied" label="Gebied" error={errorOf('doel-gebied')}>
          {(props) => (
            <select {...props} value={draft.gebiedscode} onChange={(e) => set('gebiedscode', e.target.value)}>
              {areaCodes.map((code) => (
                <option key={code} value={code}>
                  {areaLabel(programme, code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="form-field">
          <legend className="form-field__label">Horizon</legend>
          {errorOf('doel-horizon-10') && <p className="form-field__error">{errorOf('doel-horizon-10')}</p>}
          <div className="radio-row">
            {([10, 20] as const).map((years) => (
              <label key={years} className="radio">
                <input
                  id={`doel-horizon-${years}`}
                  type="radio"
                  name="horizon"
                  checked={draft.horizon === years}
                  onChange={() =>
                    setDraft((d) => ({
                      ...d,
                      horizon: years,
                      streefjaar: String(programme.startjaar + years),
                    }))
                  }
                />
                <span>{years} jaar</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="doel-streefjaar" label="Streefjaar" error={errorOf('doel-streefjaar')}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              className="input--short"
              value={draft.streefjaar}
              onChange={(e) => set('streefjaar', e.target.value)}
            />
          )}
        </Field>
        <fieldset className="form-field form-field--wide">
          <legend className="form-field__label">Soort streefwaarde</legend>
          {errorOf('doel-soort-absoluut') && (
            <p className="form-field__error">{errorOf('doel-soort-absoluut')}</p>
          )}
          <div className="radio-row">
            {(Object.keys(KIND_LABELS) as TargetKind[]).map((kind) => (
              <label key={kind} className="radio">
                <input
                  id={`doel-soort-${kind}`}
                  type="radio"
                  name="soort"
                  checked={draft.soort === kind}
                  onChange={() => set('soort', kind)}
                />
                <span>{KIND_LABELS[kind]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {draft.soort !== 'richting' && (
          <Field
            id="doel-streefwaarde"
            label={draft.soort === 'absoluut' ? 'Streefwaarde' : 'Getal uit het plan (optioneel)'}
            hint={
              draft.soort === 'absoluut'
                ? 'Bijvoorbeeld 13,5'
                : 'Zoals het plan het schrijft: bij "6% LV" is dat 6'
            }
            error={errorOf('doel-streefwaarde')}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="decimal"
                className="input--short"
                value={draft.streefwaarde}
                onChange={(e) => set('streefwaarde', e.target.value)}
              />
            )}
          </Field>
        )}
        {draft.soort === 'referentieniveau' && (
          <Field
            id="doel-referentiegebied"
            label="Referentiegebied"
            hint="De code van het gebied waarvan het niveau het doel is, bijvoorbeeld GM1916"
            error={errorOf('doel-referentiegebied')}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                className="input--short"
                value={draft.referentiegebied}
                onChange={(e) => set('referentiegebied', e.target.value)}
              />
            )}
          </Field>
        )}
        {draft.soort === 'richting' && (
          <Field id="doel-richting" label="Beoogde richting" error={errorOf('doel-richting')}>
            {(props) => (
              <select
                {...props}
                value={draft.richting}
                onChange={(e) => set('richting', e.target.value as Draft['richting'])}
              >
                <option value="">Kies…</option>
                <option value="toename">Toename</option>
                <option value="afname">Afname</option>
              </select>
            )}
          </Field>
        )}
        <Field id="doel-basisjaar" label="Basisjaar" error={errorOf('doel-basisjaar')}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="numeric"
              className="input--short"
              value={draft.basisjaar}
              onChange={(e) => set('basisjaar', e.target.value)}
            />
          )}
        </Field>
        <Field id="doel-basiswaarde" label="Basiswaarde" error={errorOf('doel-basiswaarde')}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="decimal"
              className="input--short"
              value={draft.basiswaarde}
              onChange={(e) => set('basiswaarde', e.target.value)}
            />
          )}
        </Field>
        <Field id="doel-plantekst" label="Tekst in het plan (optioneel)" error={errorOf('doel-plantekst')}>
          {(props) => (
            <input
              {...props}
              type="text"
              value={draft.planTekst}
              onChange={(e) => set('planTekst', e.target.value)}
            />
          )}
        </Field>
        <Field id="doel-toelichting" label="Toelichting (optioneel)" wide error={errorOf('doel-toelichting')}>
          {(props) => (
            <textarea
              {...props}
              rows={2}
              value={draft.toelichting}
              onChange={(e) => set('toelichting', e.target.value)}
            />
          )}
        </Field>
        <RelatedSeriesField
          programme={programme}
          indicatorId={draft.indicatorId}
          value={draft.verwant}
          onChange={(value) => set('verwant', value)}
          errorOf={errorOf}
        />
        <DecisionFields
          target={target}
          kenmerk={draft.besluitKenmerk}
          datum={draft.besluitDatum}
          onChange={(field, value) => set(field, value)}
          errorOf={errorOf}
        />
        <p className="beheer-actions form-field--wide">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Bezig met opslaan…' : 'Opslaan'}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Annuleren
          </button>
        </p>
      </form>
    </section>
  );
}
