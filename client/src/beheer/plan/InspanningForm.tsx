import { type FormEvent, useState } from 'react';
import type { InspanningBody } from '../../../../schemas/plan.ts';
import { api, BeheerError, formatDutchNumber, parseDutchNumber } from '../beheerApi.ts';
import { ErrorSummary, Field, type FieldError } from '../FormErrors.tsx';
import type { FlatDoel } from './DoelForm.tsx';
import { type AdminOrganisation, parseEuro } from './planAdminApi.ts';

interface Amount {
  jaar: string;
  bedrag: string;
}

const formOf = (i: InspanningBody | undefined) => ({
  code: i?.code ?? '',
  soort: i?.soort ?? 'actie',
  wat: i?.wat ?? '',
  hoe: i?.hoe ?? '',
  periodeTekst: i?.wanneer.tekst ?? '',
  start: i?.wanneer.start ?? '',
  eind: i?.wanneer.eind ?? '',
  trekker: i?.trekker ? String(i.trekker.id) : '',
  partners: i?.partners.map((p) => p.id) ?? [],
  middelenTekst: i?.middelen.tekst ?? '',
  bedragen: (i?.middelen.bedragen ?? []).map((a) => ({
    jaar: a.jaar === null ? '' : String(a.jaar),
    bedrag: formatDutchNumber(a.bedrag),
  })) as Amount[],
  doelen: i?.doelen ?? [],
  gebieden: i?.gebieden.join(', ') ?? '',
  outputOmschrijving: i?.output?.omschrijving ?? '',
  outputGepland: formatDutchNumber(i?.output?.gepland),
});
type Form = ReturnType<typeof formOf>;

/** Field ids of the form keys that differ from the key itself. */
const KEY_SUFFIX: Partial<Record<keyof Form, string>> = {
  periodeTekst: 'periode-tekst',
  middelenTekst: 'middelen-tekst',
  outputOmschrijving: 'output-omschrijving',
  outputGepland: 'output-gepland',
};

/** The API's field names (`wanneer.eind`, `partners.0`, `middelen.bedragen.1.bedrag`) as field ids. */
function fieldIdOf(prefix: string, name: string): string {
  if (name.startsWith('middelen.bedragen.')) {
    const [, , index, field] = name.split('.');
    return `${prefix}-bedrag-${index}-${field === 'jaar' ? 'jaar' : 'bedrag'}`;
  }
  const map: Record<string, string> = {
    'wanneer.tekst': 'periode-tekst',
    'wanneer.start': 'start',
    'wanneer.eind': 'eind',
    'middelen.tekst': 'middelen-tekst',
    'middelen.bedragen': 'middelen-tekst',
    'output.omschrijving': 'output-omschrijving',
    'output.gepland': 'output-gepland',
  };
  const head = name.split('.')[0]!;
  return `${prefix}-${map[name] ?? (['partners', 'doelen', 'gebieden'].includes(head) ? head : head || 'code')}`;
}

/**
 * A new inspanning or a change of one, every field of the plan: wat, hoe, periode (year, half year
 * or open), trekker and partners, middelen per year or as text, doelen, gebieden and output.
 */
export function InspanningForm({
  programmeId,
  editing,
  organisations,
  doelen,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  editing?: InspanningBody | undefined;
  organisations: AdminOrganisation[];
  doelen: FlatDoel[];
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const prefix = editing ? `inspanning-${editing.id}` : 'inspanning-nieuw';
  const id = (name: string) => `${prefix}-${name}`;
  const [form, setForm] = useState<Form>(() => formOf(editing));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [general, setGeneral] = useState<string>();
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = <T,>(list: T[], value: T) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const setAmount = (index: number, key: keyof Amount, value: string) =>
    set(
      'bedragen',
      form.bedragen.map((a, i) => (i === index ? { ...a, [key]: value } : a)),
    );

  function bodyOf(found: FieldError[]) {
    const bedragen = form.bedragen.map((a, index) => {
      const bedrag = parseEuro(a.bedrag);
      if (typeof bedrag !== 'number')
        found.push({
          fieldId: id(`bedrag-${index}-bedrag`),
          message: `Bedrag ${index + 1}: vul een getal in euro in`,
        });
      return { jaar: a.jaar.trim() ? Number(a.jaar) : null, bedrag: bedrag ?? 0 };
    });
    const gepland = parseDutchNumber(form.outputGepland);
    if (gepland === undefined)
      found.push({ fieldId: id('output-gepland'), message: 'Geplande output is geen getal' });
    return {
      code: form.code,
      soort: form.soort,
      wat: form.wat,
      hoe: form.hoe || null,
      wanneer: {
        tekst: form.periodeTekst || null,
        start: form.start.trim() || null,
        eind: form.eind.trim() || null,
      },
      trekker: form.trekker ? Number(form.trekker) : null,
      partners: form.partners,
      middelen: { tekst: form.middelenTekst || null, bedragen },
      doelen: form.doelen,
      gebieden: form.gebieden
        .split(/[\s,;]+/)
        .map((code) => code.trim())
        .filter(Boolean),
      output: form.outputOmschrijving.trim()
        ? { omschrijving: form.outputOmschrijving, gepland: gepland ?? null }
        : null,
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral(undefined);
    const found: FieldError[] = [];
    const body = bodyOf(found);
    setErrors(found);
    if (found.length > 0) return;
    try {
      if (editing) await api.put(`/beheer/inspanningen/${editing.id}`, body);
      else await api.post(`/beheer/programmas/${programmeId}/inspanningen`, body);
      onSaved(editing ? `Inspanning ${body.code} is gewijzigd.` : `Inspanning ${body.code} is aangemaakt.`);
    } catch (e) {
      if (e instanceof BeheerError && e.invalidParams.length > 0)
        setErrors(e.invalidParams.map((p) => ({ fieldId: fieldIdOf(prefix, p.name), message: p.reason })));
      else setGeneral(e instanceof Error ? e.message : 'Opslaan is mislukt.');
    }
  }
  const errorOf = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;
  const fieldIdOfKey = (name: keyof Form) => id(KEY_SUFFIX[name] ?? name);
  const text = (name: keyof Form, label: string, hint?: string, wide = false) => (
    <Field id={fieldIdOfKey(name)} label={label} hint={hint} wide={wide} error={errorOf(fieldIdOfKey(name))}>
      {(props) => (
        <input
          {...props}
          type="text"
          value={form[name] as string}
          onChange={(e) => set(name, e.target.value as never)}
        />
      )}
    </Field>
  );

  return (
    <form
      className="beheer-form beheer-form--grid card"
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Inspanning ${editing.code} wijzigen` : 'Nieuwe inspanning'}
    >
      <h3 className="form-field--wide">
        {editing ? `Inspanning ${editing.code} wijzigen` : 'Nieuwe inspanning'}
      </h3>
      <div className="form-field--wide">
        <ErrorSummary errors={errors} general={general} />
      </div>
      {text('code', 'Code', 'Zoals het plan nummert, bijvoorbeeld 1.6')}
      <Field id={id('soort')} label="Soort">
        {(props) => (
          <select
            {...props}
            value={form.soort}
            onChange={(e) => set('soort', e.target.value as Form['soort'])}
          >
            <option value="actie">Actie uit het plan</option>
            <option value="bestaand">Bestaande activiteit</option>
          </select>
        )}
      </Field>
      {text('wat', 'Wat', undefined, true)}
      <Field id={id('hoe')} label="Hoe (niet verplicht)" wide error={errorOf(id('hoe'))}>
        {(props) => (
          <textarea {...props} rows={3} value={form.hoe} onChange={(e) => set('hoe', e.target.value)} />
        )}
      </Field>
      {text('start', 'Start', 'Jaar (2023) of half jaar (2023-H2); leeg = niet bekend')}
      {text('eind', 'Einde', 'Jaar of half jaar; leeg = open einde')}
      {text(
        'periodeTekst',
        'Periode zoals het plan die schrijft',
        'Bijvoorbeeld "Start 2023" of "2022-2025"',
        true,
      )}
      <Field id={id('trekker')} label="Trekker" error={errorOf(id('trekker'))}>
        {(props) => (
          <select {...props} value={form.trekker} onChange={(e) => set('trekker', e.target.value)}>
            <option value="">— geen —</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.naam}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="form-field--wide checkbox-list" id={id('partners')} tabIndex={-1}>
        <legend>Partners</legend>
        {errorOf(id('partners')) && <p className="form-field__error">{errorOf(id('partners'))}</p>}
        {organisations.map((o) => (
          <label key={o.id} className="radio">
            <input
              type="checkbox"
              checked={form.partners.includes(o.id)}
              onChange={() => set('partners', toggle(form.partners, o.id))}
            />{' '}
            {o.naam}
          </label>
        ))}
      </fieldset>
      {text(
        'middelenTekst',
        'Middelen zoals het plan die schrijft',
        '"Regulier", "Nader te bepalen", "30.000 euro per jaar"',
        true,
      )}
      <fieldset className="form-field--wide">
        <legend>Bedragen in euro</legend>
        {form.bedragen.map((amount, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the rows have no identity besides their place
          <div key={index} className="beheer-inline">
            <Field id={id(`bedrag-${index}-jaar`)} label={`Jaar ${index + 1}`} hint="Leeg = hele looptijd">
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="numeric"
                  className="input--short"
                  value={amount.jaar}
                  onChange={(e) => setAmount(index, 'jaar', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={id(`bedrag-${index}-bedrag`)}
              label={`Bedrag ${index + 1}`}
              error={errorOf(id(`bedrag-${index}-bedrag`))}
            >
              {(props) => (
                <input
                  {...props}
                  type="text"
                  inputMode="decimal"
                  className="input--short"
                  value={amount.bedrag}
                  onChange={(e) => setAmount(index, 'bedrag', e.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                set(
                  'bedragen',
                  form.bedragen.filter((_, i) => i !== index),
                )
              }
            >
              Verwijder bedrag {index + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => set('bedragen', [...form.bedragen, { jaar: '', bedrag: '' }])}
        >
          Bedrag toevoegen
        </button>
      </fieldset>
      <fieldset className="form-field--wide checkbox-list" id={id('doelen')} tabIndex={-1}>
        <legend>Draagt bij aan de doelen</legend>
        {errorOf(id('doelen')) && <p className="form-field__error">{errorOf(id('doelen'))}</p>}
        {doelen.map(({ doel, depth }) => (
          <label key={doel.id} className="radio" style={{ marginInlineStart: `${depth * 1.5}rem` }}>
            <input
              type="checkbox"
              checked={form.doelen.includes(doel.code)}
              onChange={() => set('doelen', toggle(form.doelen, doel.code))}
            />{' '}
            {doel.code} {doel.titel}
          </label>
        ))}
      </fieldset>
      {text(
        'gebieden',
        'Gebieden (niet verplicht)',
        'Codes gescheiden door komma’s, bijvoorbeeld BU19160200, WK191602',
        true,
      )}
      {text(
        'outputOmschrijving',
        'Output (niet verplicht)',
        'Waarin de output geteld wordt, bijvoorbeeld "trajecten"',
      )}
      {text('outputGepland', 'Geplande output', 'Een getal, bijvoorbeeld 30')}
      <p className="beheer-actions form-field--wide">
        <button type="submit" className="button">
          {editing ? 'Inspanning opslaan' : 'Inspanning aanmaken'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Annuleren
        </button>
      </p>
    </form>
  );
}
