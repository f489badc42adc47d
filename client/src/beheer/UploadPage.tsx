import { type FormEvent, useRef, useState } from 'react';
import { Link } from '../shared/router.tsx';
import { BeheerError, type ImportReport, request } from './beheerApi.ts';
import { ErrorSummary, Field, type FieldError } from './FormErrors.tsx';
import { ChangesTable, ReportCounts, RowErrorTable } from './ReportTables.tsx';
import { UploadHelp } from './UploadHelp.tsx';

const MAX_BYTES = 50 * 1024 * 1024;

const KINDS = [
  {
    value: 'gemeentecijfers',
    label: 'Cijfers van de gemeente',
    hint: 'CSV in lang formaat: gebiedscode, indicator, periode, waarde, teller, noemer, flags',
    accept: '.csv,.txt',
  },
  {
    value: 'kwb',
    label: 'CBS Kerncijfers wijken en buurten',
    hint: 'CSV of JSON van de StatLine-tabel (TypedDataSet)',
    accept: '.csv,.json',
  },
  {
    value: 'grenzen',
    label: 'Wijk- en buurtgrenzen',
    hint: 'GeoJSON van CBS/PDOK (RD New of WGS84)',
    accept: '.geojson,.json',
  },
] as const;
type Kind = (typeof KINDS)[number]['value'];

type Step =
  | { stage: 'kiezen' }
  | { stage: 'voorbeeld'; report: ImportReport }
  | { stage: 'vastgelegd'; report: ImportReport };

/** Choose a file, see every bad row before anything is written, then commit and see the summary. */
export function UploadPage() {
  const [kind, setKind] = useState<Kind>('gemeentecijfers');
  const [file, setFile] = useState<File>();
  const [year, setYear] = useState('');
  const [step, setStep] = useState<Step>({ stage: 'kiezen' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const kindInfo = KINDS.find((k) => k.value === kind)!;

  function check(): FieldError[] {
    const problems: FieldError[] = [];
    if (!file) problems.push({ fieldId: 'upload-bestand', message: 'Kies een bestand' });
    else if (file.size > MAX_BYTES)
      problems.push({
        fieldId: 'upload-bestand',
        message: 'Het bestand is groter dan 50 MB; lees het in met de opdrachtregel (npm run import)',
      });
    if (year && !/^\d{4}$/.test(year))
      problems.push({
        fieldId: 'upload-jaar',
        message: 'Vul een jaartal van vier cijfers in, bijvoorbeeld 2022',
      });
    return problems;
  }

  async function send(mode: 'voorbeeld' | 'vastleggen') {
    const problems = check();
    setErrors(problems);
    setGeneral(undefined);
    if (problems.length > 0 || !file) return;
    setBusy(true);
    const params = new URLSearchParams({ soort: kind, modus: mode, bestandsnaam: file.name });
    if (year) params.set(kind === 'grenzen' ? 'indeling' : 'jaar', year);
    try {
      const report = await request<ImportReport>('POST', `/beheer/imports?${params}`, undefined, {
        raw: file,
      });
      setStep(mode === 'voorbeeld' ? { stage: 'voorbeeld', report } : { stage: 'vastgelegd', report });
    } catch (error) {
      if (error instanceof BeheerError && error.report) setStep({ stage: 'voorbeeld', report: error.report });
      else if (error instanceof BeheerError && error.status === 413)
        setErrors([{ fieldId: 'upload-bestand', message: error.detail }]);
      else if (error instanceof BeheerError && error.status === 415)
        setErrors([{ fieldId: 'upload-bestand', message: error.detail }]);
      else setGeneral(error instanceof Error ? error.message : 'Inlezen is mislukt.');
    } finally {
      setBusy(false);
      requestAnimationFrame(() => resultHeading.current?.focus());
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send('voorbeeld');
  }

  function restart() {
    setStep({ stage: 'kiezen' });
    setFile(undefined);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <section aria-labelledby="upload-titel">
      <h1 id="upload-titel">Cijfers inlezen</h1>
      <p className="lead">
        Kies een bestand en laat het eerst controleren. Er wordt pas iets opgeslagen als u op{' '}
        <strong>Vastleggen</strong> drukt, en dan alles of niets.
      </p>
      <ErrorSummary errors={errors} general={general} />
      <form className="card beheer-form" onSubmit={submit} noValidate>
        <fieldset className="form-field">
          <legend className="form-field__label">Soort bestand</legend>
          {KINDS.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name="soort"
                value={option.value}
                checked={kind === option.value}
                onChange={() => {
                  setKind(option.value);
                  setStep({ stage: 'kiezen' });
                }}
              />
              <span>
                {option.label}
                <span className="radio__hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <Field
          id="upload-bestand"
          label="Bestand"
          hint={`Hoogstens 50 MB; ${kindInfo.accept.replaceAll(',', ' of ')}`}
          error={errors.find((e) => e.fieldId === 'upload-bestand')?.message}
        >
          {(props) => (
            <input
              {...props}
              ref={fileInput}
              type="file"
              accept={kindInfo.accept}
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setStep({ stage: 'kiezen' });
              }}
            />
          )}
        </Field>
        {kind !== 'gemeentecijfers' && (
          <Field
            id="upload-jaar"
            label={
              kind === 'grenzen'
                ? 'Indeling (jaar), als de bestandsnaam het niet zegt'
                : 'Jaar van de tabel, als de bestandsnaam het niet zegt'
            }
            error={errors.find((e) => e.fieldId === 'upload-jaar')?.message}
          >
            {(props) => (
              <input
                {...props}
                type="text"
                inputMode="numeric"
                className="input--short"
                value={year}
                onChange={(e) => setYear(e.target.value)}
              />
            )}
          </Field>
        )}
        <button type="submit" className="button" disabled={busy}>
          {busy && step.stage === 'kiezen' ? 'Bezig met controleren…' : 'Controleren'}
        </button>
      </form>

      {kind === 'gemeentecijfers' && <UploadHelp />}

      {step.stage === 'voorbeeld' && (
        <section className="card" aria-labelledby="voorbeeld-titel">
          {step.report.geldig ? (
            <>
              <h2 id="voorbeeld-titel" tabIndex={-1} ref={resultHeading}>
                Het bestand is in orde
              </h2>
              <p>{step.report.bestandsnaam}: dit wordt vastgelegd. Er is nog niets opgeslagen.</p>
              <ReportCounts report={step.report} />
              {(step.report.wijzigingen?.length ?? 0) > 0 && (
                <ChangesTable rows={step.report.wijzigingen ?? []} total={step.report.gecorrigeerd} />
              )}
              {step.report.waarschuwingen.length > 0 && (
                <RowErrorTable
                  rows={step.report.waarschuwingen}
                  caption="Waarschuwingen (worden wel ingelezen): kijk deze regels na"
                />
              )}
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void send('vastleggen')}
              >
                {busy ? 'Bezig met vastleggen…' : 'Vastleggen'}
              </button>
            </>
          ) : (
            <>
              <h2 id="voorbeeld-titel" tabIndex={-1} ref={resultHeading} className="beheer-bad">
                {step.report.foutenTotaal === 1
                  ? '1 fout gevonden'
                  : `${step.report.foutenTotaal.toLocaleString('nl-NL')} fouten gevonden`}
                : er is niets opgeslagen
              </h2>
              <p>Verbeter het bestand {step.report.bestandsnaam} en kies het opnieuw.</p>
              {step.report.foutenTotaal > step.report.fouten.length && (
                <p>
                  Hieronder staan de eerste {step.report.fouten.length.toLocaleString('nl-NL')} fouten;
                  verbeter die eerst en lees het bestand opnieuw in.
                </p>
              )}
              <RowErrorTable rows={step.report.fouten} caption={`Fouten in ${step.report.bestandsnaam}`} />
              {step.report.waarschuwingen.length > 0 && (
                <RowErrorTable rows={step.report.waarschuwingen} caption="Waarschuwingen" />
              )}
            </>
          )}
        </section>
      )}

      {step.stage === 'vastgelegd' && (
        <section className="card beheer-done" aria-labelledby="vastgelegd-titel">
          <h2 id="vastgelegd-titel" tabIndex={-1} ref={resultHeading}>
            Vastgelegd (import {step.report.importId})
          </h2>
          <p>{step.report.bestandsnaam} is ingelezen.</p>
          <ReportCounts report={step.report} />
          <p className="beheer-actions">
            <Link href="/kaart">Bekijk op de kaart</Link>
            <Link href="/beheer/imports">Naar de imports</Link>
            <button type="button" className="button button--secondary" onClick={restart}>
              Nog een bestand inlezen
            </button>
          </p>
        </section>
      )}
    </section>
  );
}
