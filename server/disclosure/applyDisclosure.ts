// The one place that decides whether a figure may leave the server. Every output (API, map layer,
// CSV, GeoJSON, progress) passes observations through discloseObservation before using them.

/** An indicator's disclosure rule (indicators.min_denominator / min_count). */
export interface DisclosureRule {
  /** Below this denominator the value is never published. */
  minDenominator: number | null;
  /** Below this numerator (and below this complement, denominator − numerator) never published. */
  minCount: number | null;
  /**
   * A count indicator (unit "aantal"): its value *is* its count, so minCount applies to the value
   * when no teller is given (an upload `BU…;bijstand_huishoudens;2023;3;;;`, a KWB count).
   */
  valueIsCount?: boolean;
}

/** The unit of count indicators; the one place that says which indicators are counts. */
export const COUNT_UNIT = 'aantal';

export function isCountIndicator(indicator: { unit: string } | null | undefined): boolean {
  return indicator?.unit === COUNT_UNIT;
}

export type SuppressionReason = 'te_klein' | 'cbs_geheim';

export interface Suppression {
  reason: SuppressionReason;
  /** What a table or map shows in place of the value. */
  label: 'geheim / te klein';
  /** One Dutch sentence saying why, without the suppressed figures. */
  text: string;
}

/** The fields disclosure looks at; any row that has them (a DB row, a parsed CSV row) will do. */
export interface DisclosableObservation {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  confidential: boolean;
  /**
   * Withheld by secondary suppression (observations.withheld, decision 0082): the figure meets the
   * rule, but with it a suppressed neighbour could be worked out by differencing.
   */
  withheld?: boolean | undefined;
}

/** The same row, with value/numerator/denominator emptied when suppressed. */
export type Disclosed<T extends DisclosableObservation> = Omit<T, 'value' | 'numerator' | 'denominator'> & {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: Suppression | null;
};

/** The camelCase observation the progress service returns, already disclosed. */
export interface DisclosedObservation {
  areaCode: string;
  vintage: number;
  period: string;
  year: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  provisional: boolean;
  confidential: boolean;
  valueRounding: number | null;
  countRounding: number | null;
  /** A published 95% interval (migration 2026_12_01_0800). */
  intervalLow?: number | null;
  intervalHigh?: number | null;
  source: string;
  suppressed: Suppression | null;
}

export const SUPPRESSED_LABEL = 'geheim / te klein' as const;

/** Accepts an indicators row (snake_case) or a rule; a missing rule publishes everything not confidential. */
export function disclosureRuleOf(
  indicator:
    | { min_denominator: number | null; min_count: number | null; unit: string }
    | DisclosureRule
    | null
    | undefined,
): DisclosureRule {
  if (!indicator) return { minDenominator: null, minCount: null };
  if ('min_denominator' in indicator) {
    return {
      minDenominator: indicator.min_denominator,
      minCount: indicator.min_count,
      valueIsCount: isCountIndicator(indicator),
    };
  }
  return indicator;
}

/** The count the minimum applies to: the teller, or for a count indicator its value. */
export function countOf(rule: DisclosureRule, obs: DisclosableObservation): number | null {
  if (obs.numerator != null) return obs.numerator;
  return rule.valueIsCount ? obs.value : null;
}

/** Why an observation may not be published, or null when it may. */
export function suppressionOf(rule: DisclosureRule, obs: DisclosableObservation): Suppression | null {
  if (obs.confidential) {
    return {
      reason: 'cbs_geheim',
      label: SUPPRESSED_LABEL,
      text: 'Geheim: de bron publiceert hier "." (onbekend, onbetrouwbaar of geheim).',
    };
  }
  const { minDenominator, minCount } = rule;
  if (obs.withheld) {
    return {
      reason: 'te_klein',
      label: SUPPRESSED_LABEL,
      text: 'Niet gepubliceerd: anders valt een te klein cijfer af te leiden uit de andere gebieden.',
    };
  }
  if (minDenominator != null && obs.denominator != null && obs.denominator < minDenominator) {
    return {
      reason: 'te_klein',
      label: SUPPRESSED_LABEL,
      text: `Te klein: minder dan ${minDenominator} in de noemer; niet gepubliceerd.`,
    };
  }
  const count = countOf(rule, obs);
  if (minCount != null && count != null && count < minCount) {
    return {
      reason: 'te_klein',
      label: SUPPRESSED_LABEL,
      text: `Te klein: minder dan ${minCount} in de teller; niet gepubliceerd.`,
    };
  }
  // A tiny complement discloses as much as a tiny count ("all but 2 households").
  if (minCount != null && count != null && obs.denominator != null && obs.denominator - count < minCount) {
    return {
      reason: 'te_klein',
      label: SUPPRESSED_LABEL,
      text: `Te klein: minder dan ${minCount} buiten de teller; niet gepubliceerd.`,
    };
  }
  return null;
}

/** The observation as it may be published: unchanged, or with its figures removed and the reason. */
export function discloseObservation<T extends DisclosableObservation>(
  rule: DisclosureRule,
  obs: T,
): Disclosed<T> {
  const suppressed = suppressionOf(rule, obs);
  if (!suppressed) return { ...obs, suppressed: null };
  return { ...obs, value: null, numerator: null, denominator: null, suppressed };
}

/** discloseObservation over a list (one indicator's rule). */
export function discloseObservations<T extends DisclosableObservation>(
  rule: DisclosureRule,
  observations: readonly T[],
): Disclosed<T>[] {
  return observations.map((obs) => discloseObservation(rule, obs));
}

/** For rows of several indicators: looks the rule up per row. */
export function discloseByIndicator<T extends DisclosableObservation & { indicator_id: string }>(
  rules: ReadonlyMap<string, DisclosureRule>,
  observations: readonly T[],
): Disclosed<T>[] {
  return observations.map((obs) =>
    discloseObservation(rules.get(obs.indicator_id) ?? disclosureRuleOf(null), obs),
  );
}
