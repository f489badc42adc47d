import { type FormEvent, useEffect, useState } from 'react';
import type { VoortgangStatusKey } from '../../../../schemas/plan.ts';
import { halfYearLabel, INSPANNING_STATUS, INSPANNING_STATUS_ORDER } from '../../programme/planView.ts';
import { api, BeheerError, formatDateTime, formatDutchNumber, parseDutchNumber } from '../beheerApi.ts';
import { ErrorSummary, Field, type FieldError } from '../FormErrors.tsx';
import { useBeheerData } from '../useBeheerData.ts';
import {
  type AdminPlans,
  currentHalfYear,
  halfYearChoices,
  parseEuro,
  type VoortgangForm,
  type VoortgangFormRow,
} from './planAdminApi.ts';
import './planAdmin.css';

interface Line {
  status: VoortgangStatusKey | '';
  toelichting: string;
  output: string;
  besteed: string;
}

const lineOf = (row: VoortgangFormRow): Line => ({
  status: row.huidig?.status ?? '',
  toelichting: row.huidig?.toelichting ?? '',
  output: formatDutchNumber(row.huidig?.outputGerealiseerd),
  besteed: formatDutchNumber(row.huidig?.besteed),
});

/**
 * The half-yearly voortgang: for a programme and a half year, every inspanning (a partner sees only
 * its own organisation's) with status, toelichting, realised output and spent money. Saving adds
 * new lines; what was recorded before stays as history.
 */
export function VoortgangPage() {
  const plans = useBeheerData<AdminPlans>('/beheer/plannen');
  const withInspanningen = plans.data?.programmas.filter((p) => p.inspanningen > 0) ?? [];
  const [programme, setProgramme] = useState('');
  const [period, setPeriod] = useState(currentHalfYear());
  const chosen = programme || withInspanningen[0]?.id || '';
  const form = useBeheerData<VoortgangForm>(
    chosen ? `/beheer/programmas/${chosen}/voortgang?periode=${period}` : null,
  );
  const [message, setMessage] = useState<string>();

  return (
    <section aria-labelledby="voortgang-titel">
      <h1 id="voortgang-titel">Voortgang per half jaar</h1>
      <p className="lead">
        Leg per inspanning vast hoe het ervoor staat. Opslaan voegt een nieuwe vastlegging toe; eerdere
        blijven bewaard in de geschiedenis en het auditlog.
      </p>
      {plans.error && <p className="notice notice--error">{plans.error}</p>}
      {plans.data && withInspanningen.length === 0 && (
        <p className="notice">Er zijn (nog) geen inspanningen waarvoor u voortgang kunt vastleggen.</p>
      )}
      {withInspanningen.length > 0 && (
        <div className="beheer-form beheer-form--grid card">
          <Field id="voortgang-programma" label="Programma">
            {(props) => (
              <select {...props} value={chosen} onChange={(e) => setProgramme(e.target.value)}>
                {withInspanningen.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.naam} ({p.inspanningen} {p.inspanningen === 1 ? 'inspanning' : 'inspanningen'})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="voortgang-periode" label="Half jaar">
            {(props) => (
              <select {...props} value={period} onChange={(e) => setPeriod(e.target.value)}>
                {halfYearChoices().map((h) => (
                  <option key={h} value={h}>
                    {halfYearLabel(h)} ({h})
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      )}
      <div aria-live="polite">{message && <p className="notice">{message}</p>}</div>
      {form.error && <p className="notice notice--error">{form.error}</p>}
      {form.data && form.data.periode === period && (
        <VoortgangLines
          key={`${form.data.programma.id}-${period}`}
          data={form.data}
          onSaved={(count) => {
            setMessage(
              `Vastgelegd voor ${count} ${count === 1 ? 'inspanning' : 'inspanningen'} in ${halfYearLabel(period)}.`,
            );
            form.reload();
          }}
        />
      )}
    </section>
  );
}

function VoortgangLines({ data, onSaved }: { data: VoortgangForm; onSaved: (count: number) => void }) {
  const [lines, setLines] = useState<Record<number, Line>>({});
  useEffect(() => {
    setLines(Object.fromEntries(data.inspanningen.map((row) => [row.id, lineOf(row)])));
  }, [data]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const set = (id: number, key: keyof Line, value: string) =>
    setLines((all) => ({ ...all, [id]: { ...all[id]!, [key]: value } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(undefined);
    const found: FieldError[] = [];
    const regels = data.inspanningen.flatMap((row) => {
      const line = lines[row.id];
      if (!line || line.status === '') return [];
      const output = parseDutchNumber(line.output);
      const besteed = parseEuro(line.besteed);
      if (output === undefined)
        found.push({
          fieldId: `vg-${row.id}-output`,
          message: `${row.code}: gerealiseerde output is geen getal`,
        });
      if (besteed === undefined)
        found.push({ fieldId: `vg-${row.id}-besteed`, message: `${row.code}: besteed bedrag is geen getal` });
      return [
        {
          inspanning: row.id,
          status: line.status,
          ...(line.toelichting.trim() ? { toelichting: line.toelichting.trim() } : {}),
          ...(typeof output === 'number' ? { outputGerealiseerd: output } : {}),
          ...(typeof besteed === 'number' ? { besteed } : {}),
        },
      ];
    });
    if (regels.length === 0 && found.length === 0)
      found.push({
        fieldId: `vg-${data.inspanningen[0]?.id}-status`,
        message: 'Kies bij minstens één inspanning een status.',
      });
    setErrors(found);
    if (found.length > 0) return;
    try {
      await api.post(`/beheer/programmas/${data.programma.id}/voortgang`, { periode: data.periode, regels });
      onSaved(regels.length);
    } catch (e) {
      if (e instanceof BeheerError && e.invalidParams.length > 0) {
        setErrors(
          e.invalidParams.map((param) => {
            const [, index, field] = /^regels\.(\d+)\.?(\w*)/.exec(param.name) ?? [];
            const id = index === undefined ? data.inspanningen[0]?.id : regels[Number(index)]?.inspanning;
            const suffix =
              field === 'besteed' ? 'besteed' : field === 'outputGerealiseerd' ? 'output' : 'status';
            return { fieldId: `vg-${id}-${suffix}`, message: param.reason };
          }),
        );
      } else setGeneral(e instanceof Error ? e.message : 'Opslaan is mislukt.');
    }
  }
  const errorOf = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form onSubmit={submit} noValidate aria-labelledby="voortgang-lijst-titel">
      <h2 id="voortgang-lijst-titel">
        {data.programma.naam}, {halfYearLabel(data.periode)}
      </h2>
      {data.organisatie && (
        <p className="notice">
          U legt voortgang vast namens <strong>{data.organisatie.naam}</strong>: hieronder staan alleen de
          inspanningen waarin uw organisatie trekker of partner is.
        </p>
      )}
      <ErrorSummary errors={errors} general={general} />
      <p className="form-field__hint">
        {data.inspanningen.length === 1 ? '1 inspanning' : `${data.inspanningen.length} inspanningen`}. Laat
        de status leeg om een inspanning dit keer over te slaan.
      </p>
      {data.inspanningen.map((row) => {
        const line = lines[row.id] ?? lineOf(row);
        return (
          <fieldset key={row.id} className="card voortgang-line">
            <legend>
              <span className="voortgang-line__code">{row.code}</span> {row.wat}
            </legend>
            <p className="small">
              {[
                row.wanneer,
                row.trekker ? `trekker ${row.trekker.naam}` : null,
                row.partners.length > 0 ? `partners ${row.partners.map((p) => p.naam).join(', ')}` : null,
                row.loopt ? null : 'volgens het plan niet actief in dit half jaar',
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {row.vorige && (
              <p className="small">
                Vorige keer ({halfYearLabel(row.vorige.periode)}):{' '}
                {INSPANNING_STATUS[row.vorige.status].label}
                {row.vorige.toelichting ? ` — ${row.vorige.toelichting}` : ''}
              </p>
            )}
            <div className="beheer-form beheer-form--grid">
              <Field id={`vg-${row.id}-status`} label="Status" error={errorOf(`vg-${row.id}-status`)}>
                {(props) => (
                  <select
                    {...props}
                    value={line.status}
                    onChange={(e) => set(row.id, 'status', e.target.value)}
                  >
                    <option value="">— niet invullen —</option>
                    {INSPANNING_STATUS_ORDER.map((s) => (
                      <option key={s} value={s}>
                        {INSPANNING_STATUS[s].label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                id={`vg-${row.id}-besteed`}
                label="Besteed in dit half jaar (euro)"
                hint="Bijvoorbeeld 12500 of 12.500,50"
                error={errorOf(`vg-${row.id}-besteed`)}
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="decimal"
                    className="input--short"
                    value={line.besteed}
                    onChange={(e) => set(row.id, 'besteed', e.target.value)}
                  />
                )}
              </Field>
              {row.output && (
                <Field
                  id={`vg-${row.id}-output`}
                  label={`Gerealiseerd: ${row.output.omschrijving}`}
                  hint={
                    row.output.gepland === null
                      ? undefined
                      : `Gepland: ${formatDutchNumber(row.output.gepland)}`
                  }
                  error={errorOf(`vg-${row.id}-output`)}
                >
                  {(props) => (
                    <input
                      {...props}
                      type="text"
                      inputMode="decimal"
                      className="input--short"
                      value={line.output}
                      onChange={(e) => set(row.id, 'output', e.target.value)}
                    />
                  )}
                </Field>
              )}
              <Field id={`vg-${row.id}-toelichting`} label="Toelichting" wide>
                {(props) => (
                  <textarea
                    {...props}
                    rows={2}
                    maxLength={2000}
                    value={line.toelichting}
                    onChange={(e) => set(row.id, 'toelichting', e.target.value)}
                  />
                )}
              </Field>
            </div>
            {row.geschiedenis.length > 0 && (
              <details>
                <summary>Vastleggingen in dit half jaar ({row.geschiedenis.length})</summary>
                <ul className="small">
                  {row.geschiedenis.map((entry) => (
                    <li key={entry.vastgelegd}>
                      {formatDateTime(entry.vastgelegd)} door {entry.door}:{' '}
                      {INSPANNING_STATUS[entry.status].label}
                      {entry.toelichting ? ` — ${entry.toelichting}` : ''}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </fieldset>
        );
      })}
      <p className="beheer-actions">
        <button type="submit" className="button">
          Voortgang opslaan
        </button>
      </p>
    </form>
  );
}
