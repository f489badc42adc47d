import { areaLevelSchema, polaritySchema, progressStatusSchema, targetKindSchema } from './enums.ts';
import { z } from './zod.ts';

// The progress engine's results (server/progress/types.ts) as the API sends them, for the OpenAPI
// document and the client's "hoe berekend" card. The engine works in English; the routes translate
// every key with schemas/progressKeys.ts, and server/programmes/progressSchemaCheck.ts checks at
// compile time that these schemas describe exactly the translated engine types.

const methodSchema = targetKindSchema;
const n = z.number().nullable();

export const valueIntervalSchema = z.object({ laag: z.number(), hoog: z.number(), reden: z.string() });

export const progressInputsSchema = z
  .object({
    methode: methodSchema,
    d: z.union([z.literal(1), z.literal(-1)]).nullable(),
    teken: z.union([z.literal(1), z.literal(-1)]).nullable(),
    basisjaar: n,
    basiswaarde: n,
    basiswaardeGebruikt: n,
    huidigJaar: n,
    huidigeWaarde: n,
    streefjaar: z.number(),
    streefwaarde: n,
    streefwaardeGebruikt: n,
    cagrGemeten: n,
    cagrNodig: n,
    referentieBasiswaarde: n,
    referentieHuidigeWaarde: n,
    afstandBasis: n,
    afstandNu: n,
    afstandGedicht: n,
    verstrekenTijd: n,
    voortgangsmaat: n,
  })
  .openapi('VoortgangInvoer');

export const progressReadingSchema = z
  .object({
    status: progressStatusSchema,
    statusLabel: z.string(),
    score: n,
    invoer: progressInputsSchema,
  })
  .openapi('VoortgangLezing');

const thresholdSetSchema = z.object({
  maat: z.string(),
  hoog: z.number(),
  midden: z.number(),
  laag: z.number(),
});

export interface ProgressJudgementShape extends z.infer<typeof progressReadingSchema> {
  methode: z.infer<typeof methodSchema>;
  horizon: number;
  jaar: number | null;
  aandeelVanDeWeg: number | null;
  verwachteWaarde: number | null;
  drempels: z.infer<typeof thresholdSetSchema>;
  uitleg: string[];
  onzekerheid: {
    gunstig: z.infer<typeof progressReadingSchema>;
    ongunstig: z.infer<typeof progressReadingSchema>;
    intervallen: Record<string, z.infer<typeof valueIntervalSchema>>;
  } | null;
  planLezing: ProgressJudgementShape | null;
}

export const progressJudgementSchema: z.ZodType<ProgressJudgementShape> = progressReadingSchema
  .extend({
    methode: methodSchema,
    horizon: z.number(),
    jaar: n,
    aandeelVanDeWeg: n,
    verwachteWaarde: n,
    drempels: thresholdSetSchema,
    uitleg: z.array(z.string()),
    onzekerheid: z
      .object({
        gunstig: progressReadingSchema,
        ongunstig: progressReadingSchema,
        intervallen: z.record(z.string(), valueIntervalSchema),
      })
      .nullable(),
    get planLezing() {
      return progressJudgementSchema.nullable();
    },
  })
  .openapi('VoortgangOordeel');

const suppressionSchema = z.object({
  reden: z.enum(['te_klein', 'cbs_geheim']),
  label: z.literal('geheim / te klein'),
  tekst: z.string(),
});

export const disclosedObservationSchema = z
  .object({
    gebiedscode: z.string(),
    indeling: z.number(),
    periode: z.string(),
    jaar: z.number(),
    waarde: n,
    teller: n,
    noemer: n,
    voorlopig: z.boolean(),
    vertrouwelijk: z.boolean(),
    afrondingWaarde: n,
    afrondingAantallen: n,
    bron: z.string(),
    geheim: suppressionSchema.nullable(),
  })
  .openapi('VoortgangWaarneming');

const progressAreaSchema = z.object({
  code: z.string(),
  indeling: z.number(),
  naam: z.string(),
  niveau: areaLevelSchema,
  label: z.string().nullable(),
});

const progressIndicatorSchema = z.object({
  id: z.string(),
  naam: z.string(),
  eenheid: z.string(),
  polariteit: polaritySchema,
  decimalen: z.number(),
  bron: z.string(),
  tellerLabel: z.string().nullable(),
  noemerLabel: z.string().nullable(),
  minNoemer: n,
  minAantal: n,
});

const targetSummarySchema = z.object({
  id: z.number(),
  programmaId: z.string(),
  horizon: z.number(),
  streefjaar: z.number(),
  soort: targetKindSchema,
  streefwaarde: n,
  referentiegebied: z.string().nullable(),
  richting: z.enum(['toename', 'afname']).nullable(),
  planTekst: z.string().nullable(),
  toelichting: z.string().nullable(),
});

const aggregateYearSchema = z.object({
  jaar: z.number(),
  waarde: n,
  teller: n,
  noemer: n,
  interval: valueIntervalSchema.nullable(),
  leden: z.array(z.string()),
  ontbrekendeLeden: z.array(z.string()),
  reden: z.string().nullable(),
});

const relatedPointSchema = z.object({ jaar: z.number(), waarde: z.number() });
export const relatedSeriesSchema = z
  .object({
    indicator: z.object({
      id: z.string(),
      naam: z.string(),
      eenheid: z.string(),
      decimalen: z.number(),
      polariteit: z.string(),
    }),
    gebied: z.object({ code: z.string(), naam: z.string(), niveau: z.string() }),
    basis: z.enum(['zelfde gebied', 'wijk', 'wijken van het programmagebied', 'gemeente']),
    punten: z.array(relatedPointSchema),
    eerste: relatedPointSchema,
    laatste: relatedPointSchema,
    richting: z.enum(['gunstig', 'ongunstig', 'gelijk']),
    reden: z.string(),
    bronnen: z.array(z.string()),
    uitleg: z.string(),
  })
  .openapi('VerwanteReeks', {
    description:
      'Een echte reeks van een ANDERE definitie naast een streefwaarde die alleen een basiswaarde heeft; gelezen als richting, nooit als status van het doel.',
  });

export const targetProgressSchema = z
  .object({
    indicator: progressIndicatorSchema,
    gebied: progressAreaSchema,
    basis: z
      .object({
        jaar: z.number(),
        waarde: z.number(),
        teller: n,
        bron: z.enum(['plan', 'waarnemingen']),
        periode: z
          .object({ start: z.string(), end: z.string(), label: z.string(), jaren: z.number(), perJaar: n })
          .nullable()
          .describe(
            'Een basis over meer dan een jaar: begin- en eindmaand, lengte en (bij aantallen) per jaar',
          ),
      })
      .nullable(),
    reeks: z.array(disclosedObservationSchema),
    laatste: disclosedObservationSchema.nullable(),
    referentie: z
      .object({ gebied: progressAreaSchema, reeks: z.array(disclosedObservationSchema) })
      .nullable(),
    aggregatie: z.object({ leden: z.array(z.string()), jaren: z.array(aggregateYearSchema) }).nullable(),
    horizonnen: z.array(
      z.object({
        doel: targetSummarySchema,
        oordeel: progressJudgementSchema,
        historie: z.array(progressJudgementSchema),
      }),
    ),
    verwant: relatedSeriesSchema.nullable().optional(),
  })
  .openapi('StreefwaardeVoortgang');

const monitoringPointSchema = z.object({ jaar: z.number(), waarde: z.number() });
const monitoringComparisonSchema = z.object({
  code: z.string(),
  naam: z.string(),
  jaar: z.number(),
  waarde: z.number(),
});
export const monitoringIndicatorSchema = z
  .object({
    indicator: z.object({
      id: z.string(),
      naam: z.string(),
      eenheid: z.string(),
      decimalen: z.number(),
      polariteit: z.string(),
      bron: z.string(),
    }),
    label: z.string().nullable().describe('De omschrijving van de indicator in het plan'),
    niveau: z.string().nullable(),
    verwant: z
      .object({
        id: z.string(),
        naam: z.string(),
        eenheid: z.string(),
        decimalen: z.number(),
        polariteit: z.string(),
        uitleg: z.string(),
      })
      .nullable()
      .describe(
        'Heeft de indicator zelf geen cijfers: de echte reeks van een ANDERE definitie die getoond wordt',
      ),
    bronnen: z.array(z.string()).describe('De bronnen van de getoonde cijfers, per waarde zoals geladen'),
    geenCijfers: z
      .string()
      .nullable()
      .describe('Null als er cijfers zijn; anders "nog geen cijfers" met de bron die te laden is'),
    gebieden: z.array(
      z.object({
        gebied: z.object({
          code: z.string(),
          naam: z.string(),
          niveau: z.string(),
          label: z.string().nullable(),
        }),
        eerste: monitoringPointSchema.nullable(),
        laatste: monitoringPointSchema.nullable(),
        richting: z.enum(['gunstig', 'ongunstig', 'gelijk']).nullable(),
        reden: z.string().nullable(),
        wijk: monitoringComparisonSchema.nullable(),
        gemeente: monitoringComparisonSchema.nullable(),
        nederland: monitoringComparisonSchema.nullable(),
      }),
    ),
  })
  .openapi('VolgIndicator', {
    description:
      'Een monitoringindicator van het plan (zonder streefwaarde) per focusgebied: laatste waarde naast wijk, gemeente en Nederland, en de richting sinds het eerste jaar.',
  });

export const programmeSummaryProgressSchema = z.object({
  id: z.string(),
  naam: z.string(),
  gemeente: z.string(),
  startjaar: z.number(),
  horizonJaren: z.number(),
  indeling: z.number(),
  referentiegebied: z.string(),
  bronDocument: z.string().nullable(),
});

export const programmeProgressSchema = z
  .object({
    programma: programmeSummaryProgressSchema,
    jaar: n,
    streefwaarden: z.array(targetProgressSchema),
    volgen: z.array(monitoringIndicatorSchema),
  })
  .openapi('ProgrammaVoortgang');
export type ProgrammeProgressBody = z.infer<typeof programmeProgressSchema>;

export const areaProgressProfileSchema = z
  .object({
    gebied: progressAreaSchema,
    streefwaarden: z.array(targetProgressSchema.extend({ programma: programmeSummaryProgressSchema })),
    lidVan: z.array(targetProgressSchema.extend({ programma: programmeSummaryProgressSchema })),
    ledenSommen: z
      .array(z.object({ indicatorId: z.string(), reeks: z.array(disclosedObservationSchema) }))
      .describe(
        'Alleen bij een programmagebied: de cijfers van de leden opgeteld (aantallen gesommeerd, aandelen als som tellers / som noemers), per jaar waarin elk lid een publiceerbaar cijfer heeft',
      ),
  })
  .openapi('GebiedVoortgang');
export type AreaProgressProfileBody = z.infer<typeof areaProgressProfileSchema>;
