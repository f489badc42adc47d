// The progress engine (server/progress) works in English; the API speaks Dutch. This dictionary is
// the one translation of its keys, used at run time by the /voortgang routes (`inDutch`) and at
// compile time (`InDutch<T>`) to check that schemas/progress.ts describes exactly what is sent.
// Only keys are translated, never values (statuses and kinds are Dutch already).

export const progressKeys = {
  programme: 'programma',
  targets: 'streefwaarden',
  memberOf: 'lidVan',
  area: 'gebied',
  areaCode: 'gebiedscode',
  indicator: 'indicator',
  baseline: 'basis',
  series: 'reeks',
  latest: 'laatste',
  reference: 'referentie',
  aggregation: 'aggregatie',
  memberCodes: 'leden',
  missingMembers: 'ontbrekendeLeden',
  years: 'jaren',
  horizons: 'horizonnen',
  target: 'doel',
  judgement: 'oordeel',
  inputs: 'invoer',
  history: 'historie',
  year: 'jaar',
  period: 'periode',
  vintage: 'indeling',
  value: 'waarde',
  numerator: 'teller',
  denominator: 'noemer',
  provisional: 'voorlopig',
  confidential: 'vertrouwelijk',
  valueRounding: 'afrondingWaarde',
  countRounding: 'afrondingAantallen',
  suppressed: 'geheim',
  source: 'bron',
  reason: 'reden',
  text: 'tekst',
  interval: 'interval',
  name: 'naam',
  level: 'niveau',
  unit: 'eenheid',
  polarity: 'polariteit',
  decimals: 'decimalen',
  numeratorLabel: 'tellerLabel',
  denominatorLabel: 'noemerLabel',
  minDenominator: 'minNoemer',
  minCount: 'minAantal',
  programmeId: 'programmaId',
  targetYear: 'streefjaar',
  kind: 'soort',
  targetValue: 'streefwaarde',
  referenceAreaCode: 'referentiegebied',
  direction: 'richting',
  planText: 'planTekst',
  note: 'toelichting',
  gemeenteCode: 'gemeente',
  startYear: 'startjaar',
  horizonYears: 'horizonJaren',
  sourceDocument: 'bronDocument',
  method: 'methode',
  sign: 'teken',
  baselineYear: 'basisjaar',
  baselineValue: 'basiswaarde',
  baselineValueUsed: 'basiswaardeGebruikt',
  currentYear: 'huidigJaar',
  currentValue: 'huidigeWaarde',
  targetValueUsed: 'streefwaardeGebruikt',
  cagrObserved: 'cagrGemeten',
  cagrRequired: 'cagrNodig',
  referenceAreaBaselineValue: 'referentieBasiswaarde',
  referenceAreaCurrentValue: 'referentieHuidigeWaarde',
  // keys of uncertainty.intervals (data keys, named after the input they widen)
  referenceBaselineValue: 'referentieBasiswaarde',
  referenceCurrentValue: 'referentieHuidigeWaarde',
  gapBaseline: 'afstandBasis',
  gapCurrent: 'afstandNu',
  closure: 'afstandGedicht',
  elapsedShare: 'verstrekenTijd',
  progressValue: 'voortgangsmaat',
  shareOfWay: 'aandeelVanDeWeg',
  expectedValue: 'verwachteWaarde',
  thresholds: 'drempels',
  measure: 'maat',
  high: 'hoog',
  med: 'midden',
  low: 'laag',
  explanation: 'uitleg',
  uncertainty: 'onzekerheid',
  favourable: 'gunstig',
  unfavourable: 'ongunstig',
  intervals: 'intervallen',
  planReading: 'planLezing',
  related: 'verwant',
  points: 'punten',
  first: 'eerste',
  last: 'laatste',
  sources: 'bronnen',
  perYear: 'perJaar',
  memberSums: 'ledenSommen',
  monitoring: 'volgen',
  areas: 'gebieden',
  district: 'wijk',
  municipality: 'gemeente',
  country: 'nederland',
  noFigures: 'geenCijfers',
} as const;

type Keys = typeof progressKeys;

/** A progress result with its keys in Dutch (recursively; record keys that are data stay). */
export type InDutch<T> = T extends readonly (infer U)[]
  ? InDutch<U>[]
  : T extends object
    ? { [K in keyof T as K extends keyof Keys ? Keys[K] : K]: InDutch<T[K]> }
    : T;

const dictionary: Record<string, string> = progressKeys;

/** The run-time twin of InDutch: a copy of `value` with every known key translated. */
export function inDutch<T>(value: T): InDutch<T> {
  const translate = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(translate);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([key, inner]) => [
        dictionary[key] ?? key,
        translate(inner),
      ]),
    );
  };
  return translate(value) as InDutch<T>;
}
