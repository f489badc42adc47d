import { areaLevelSchema } from './common.ts';
import { polaritySchema } from './indicators.ts';
import { z } from './zod.ts';

// The progress engine's results (server/progress/types.ts) as zod, for the OpenAPI document and the
// client's "hoe berekend" card. The field names are the engine's own (English, camelCase) so the
// card can show every input exactly as the engine used it; server/programmes checks at compile time
// that these schemas and the engine's types agree.

export const progressStatusSchema = z
  .enum([
    'behaald',
    'op_schema',
    'versnelling_nodig',
    'beperkte_vooruitgang',
    'verslechtering',
    'onzeker',
    'onvoldoende_gegevens',
  ])
  .openapi('VoortgangStatus');

const methodSchema = z.enum(['absoluut', 'richting', 'referentieniveau']);
const targetKindSchema = methodSchema;
const n = z.number().nullable();

export const valueIntervalSchema = z.object({ low: z.number(), high: z.number(), reason: z.string() });

export const progressInputsSchema = z
  .object({
    method: methodSchema,
    d: z.union([z.literal(1), z.literal(-1)]).nullable(),
    sign: z.union([z.literal(1), z.literal(-1)]).nullable(),
    baselineYear: n,
    baselineValue: n,
    baselineValueUsed: n,
    currentYear: n,
    currentValue: n,
    targetYear: z.number(),
    targetValue: n,
    targetValueUsed: n,
    cagrObserved: n,
    cagrRequired: n,
    referenceAreaBaselineValue: n,
    referenceAreaCurrentValue: n,
    gapBaseline: n,
    gapCurrent: n,
    closure: n,
    elapsedShare: n,
    progressValue: n,
  })
  .openapi('VoortgangInvoer');

export const progressReadingSchema = z
  .object({
    status: progressStatusSchema,
    statusLabel: z.string(),
    score: n,
    inputs: progressInputsSchema,
  })
  .openapi('VoortgangLezing');

const thresholdSetSchema = z.object({
  measure: z.string(),
  high: z.number(),
  med: z.number(),
  low: z.number(),
});

export interface ProgressJudgementShape extends z.infer<typeof progressReadingSchema> {
  method: z.infer<typeof methodSchema>;
  horizon: number;
  year: number | null;
  shareOfWay: number | null;
  expectedValue: number | null;
  thresholds: z.infer<typeof thresholdSetSchema>;
  explanation: string[];
  uncertainty: {
    favourable: z.infer<typeof progressReadingSchema>;
    unfavourable: z.infer<typeof progressReadingSchema>;
    intervals: Record<string, z.infer<typeof valueIntervalSchema>>;
  } | null;
  planReading: ProgressJudgementShape | null;
}

export const progressJudgementSchema: z.ZodType<ProgressJudgementShape> = progressReadingSchema
  .extend({
    method: methodSchema,
    horizon: z.number(),
    year: n,
    shareOfWay: n,
    expectedValue: n,
    thresholds: thresholdSetSchema,
    explanation: z.array(z.string()),
    uncertainty: z
      .object({
        favourable: progressReadingSchema,
        unfavourable: progressReadingSchema,
        intervals: z.record(z.string(), valueIntervalSchema),
      })
      .nullable(),
    get planReading() {
      return progressJudgementSchema.nullable();
    },
  })
  .openapi('VoortgangOordeel');

const suppressionSchema = z.object({
  reason: z.enum(['te_klein', 'cbs_geheim']),
  label: z.literal('geheim / te klein'),
  text: z.string(),
});

export const disclosedObservationSchema = z
  .object({
    areaCode: z.string(),
    vintage: z.number(),
    period: z.string(),
    year: z.number(),
    value: n,
    numerator: n,
    denominator: n,
    provisional: z.boolean(),
    confidential: z.boolean(),
    valueRounding: n,
    countRounding: n,
    source: z.string(),
    suppressed: suppressionSchema.nullable(),
  })
  .openapi('VoortgangWaarneming');

const progressAreaSchema = z.object({
  code: z.string(),
  vintage: z.number(),
  name: z.string(),
  level: areaLevelSchema,
  label: z.string().nullable(),
});

const progressIndicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  polarity: polaritySchema,
  decimals: z.number(),
  source: z.string(),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  minDenominator: n,
  minCount: n,
});

const targetSummarySchema = z.object({
  id: z.number(),
  programmeId: z.string(),
  horizon: z.number(),
  targetYear: z.number(),
  kind: targetKindSchema,
  targetValue: n,
  referenceAreaCode: z.string().nullable(),
  direction: z.enum(['toename', 'afname']).nullable(),
  planText: z.string().nullable(),
  note: z.string().nullable(),
});

const aggregateYearSchema = z.object({
  year: z.number(),
  value: n,
  numerator: n,
  denominator: n,
  interval: valueIntervalSchema.nullable(),
  memberCodes: z.array(z.string()),
  missingMembers: z.array(z.string()),
  reason: z.string().nullable(),
});

export const targetProgressSchema = z
  .object({
    indicator: progressIndicatorSchema,
    area: progressAreaSchema,
    baseline: z
      .object({
        year: z.number(),
        value: z.number(),
        numerator: n,
        source: z.enum(['plan', 'waarnemingen']),
        period: z
          .object({ start: z.string(), end: z.string(), label: z.string(), years: z.number(), perYear: n })
          .nullable()
          .describe(
            'Een basis over meer dan een jaar: begin- en eindmaand, lengte en (bij aantallen) per jaar',
          ),
      })
      .nullable(),
    series: z.array(disclosedObservationSchema),
    latest: disclosedObservationSchema.nullable(),
    reference: z.object({ area: progressAreaSchema, series: z.array(disclosedObservationSchema) }).nullable(),
    aggregation: z
      .object({ memberCodes: z.array(z.string()), years: z.array(aggregateYearSchema) })
      .nullable(),
    horizons: z.array(
      z.object({
        target: targetSummarySchema,
        judgement: progressJudgementSchema,
        history: z.array(progressJudgementSchema),
      }),
    ),
  })
  .openapi('StreefwaardeVoortgang');

export const programmeSummaryProgressSchema = z.object({
  id: z.string(),
  name: z.string(),
  gemeenteCode: z.string(),
  startYear: z.number(),
  horizonYears: z.number(),
  vintage: z.number(),
  referenceAreaCode: z.string(),
  sourceDocument: z.string().nullable(),
});

export const programmeProgressSchema = z
  .object({
    programme: programmeSummaryProgressSchema,
    year: n,
    targets: z.array(targetProgressSchema),
  })
  .openapi('ProgrammaVoortgang');
export type ProgrammeProgressBody = z.infer<typeof programmeProgressSchema>;

export const areaProgressProfileSchema = z
  .object({
    area: progressAreaSchema,
    targets: z.array(targetProgressSchema.extend({ programme: programmeSummaryProgressSchema })),
    memberOf: z.array(targetProgressSchema.extend({ programme: programmeSummaryProgressSchema })),
    memberSums: z
      .array(z.object({ indicatorId: z.string(), series: z.array(disclosedObservationSchema) }))
      .describe(
        'Alleen bij een programmagebied: de cijfers van de leden opgeteld (aantallen gesommeerd, aandelen als som tellers / som noemers), per jaar waarin elk lid een publiceerbaar cijfer heeft',
      ),
  })
  .openapi('GebiedVoortgang');
export type AreaProgressProfileBody = z.infer<typeof areaProgressProfileSchema>;
