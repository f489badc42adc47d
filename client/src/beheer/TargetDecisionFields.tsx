import { Field } from './FormErrors.tsx';
import { describeDecision, type ProgrammeDetail, type Target } from './targetModel.ts';

export const DECISION_FIELD_IDS = {
  besluitKenmerk: 'doel-besluit-kenmerk',
  besluitDatum: 'doel-besluit-datum',
  verwanteIndicatorId: 'doel-verwant',
};

/**
 * The council decision a change rests on. Never filled in from the previous version: a decision
 * belongs to the change it is given with, so a new change names its own (the server insists when
 * the change alters what the target demands).
 */
export function DecisionFields({
  target,
  kenmerk,
  datum,
  onChange,
  errorOf,
}: {
  target?: Target | undefined;
  kenmerk: string;
  datum: string;
  onChange: (field: 'besluitKenmerk' | 'besluitDatum', value: string) => void;
  errorOf: (id: string) => string | undefined;
}) {
  const current = target ? describeDecision(target) : null;
  const hint = target
    ? `Nodig als de wijziging verandert wat de streefwaarde vraagt (getal, soort, jaar, basis). Nu: ${current ?? 'geen besluit vastgelegd'}. Bijvoorbeeld Raadsbesluit 2023/114`
    : 'Het raadsbesluit waarop de streefwaarde rust, als dat bekend is. Bijvoorbeeld Raadsbesluit 2023/114';
  return (
    <>
      <Field
        id={DECISION_FIELD_IDS.besluitKenmerk}
        label="Raadsbesluit (kenmerk)"
        hint={hint}
        error={errorOf(DECISION_FIELD_IDS.besluitKenmerk)}
      >
        {(props) => (
          <input
            {...props}
            type="text"
            value={kenmerk}
            onChange={(e) => onChange('besluitKenmerk', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={DECISION_FIELD_IDS.besluitDatum}
        label="Datum van het raadsbesluit"
        error={errorOf(DECISION_FIELD_IDS.besluitDatum)}
      >
        {(props) => (
          <input
            {...props}
            type="date"
            className="input--short"
            value={datum}
            onChange={(e) => onChange('besluitDatum', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/**
 * The related series of the target's row (issue 8 item 6): the real series of another definition
 * shown beside the row while it has only its baseline. One per row of the plan, so it is shared by
 * every target of that indicator.
 */
export function RelatedSeriesField({
  programme,
  indicatorId,
  value,
  onChange,
  errorOf,
}: {
  programme: ProgrammeDetail;
  indicatorId: string;
  value: string;
  onChange: (value: string) => void;
  errorOf: (id: string) => string | undefined;
}) {
  const row = programme.rijen.find((r) => r.indicatorId === indicatorId);
  if (!row) return null;
  return (
    <Field
      id={DECISION_FIELD_IDS.verwanteIndicatorId}
      label="Verwante reeks (andere definitie)"
      hint="Staat naast de rij zolang die alleen een basiswaarde heeft; geldt voor alle streefwaarden van deze indicator"
      wide
      error={errorOf(DECISION_FIELD_IDS.verwanteIndicatorId)}
    >
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Geen verwante reeks</option>
          {programme.indicatoren
            .filter((indicator) => indicator.id !== indicatorId)
            .map((indicator) => (
              <option key={indicator.id} value={indicator.id}>
                {indicator.naam} ({indicator.eenheid})
              </option>
            ))}
        </select>
      )}
    </Field>
  );
}

/** The row's related series as the programme has it now ('' for none). */
export const relatedOf = (programme: ProgrammeDetail, indicatorId: string) =>
  programme.rijen.find((r) => r.indicatorId === indicatorId)?.verwanteIndicatorId ?? '';
