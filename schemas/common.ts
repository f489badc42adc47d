import { programmeIdPattern } from './vocabulary.ts';
import { z } from './zod.ts';

// Building blocks shared by the resource schemas. Query values arrive as strings, so the
// parameters parse strings strictly (a regex first) and only then turn them into numbers:
// `indeling=2022abc` is an error naming `indeling`, never silently 2022.

const oneString = (message: string) => z.string({ error: message });

/** A four-digit year, e.g. an indeling (boundary vintage) or a reporting year. */
export const yearParam = (what: string) =>
  oneString(`Verwacht één jaartal (${what})`)
    .regex(/^\d{4}$/, `Verwacht een jaartal van vier cijfers (${what})`)
    .transform(Number)
    .pipe(z.number().int().min(1900, 'Jaartal vóór 1900').max(2100, 'Jaartal na 2100'))
    .openapi({ type: 'integer', example: 2022 });

export const positiveIntParam = (max: number, example: number) =>
  oneString('Verwacht één geheel getal')
    .regex(/^\d{1,7}$/, 'Verwacht een positief geheel getal')
    .transform(Number)
    .pipe(z.number().int().min(1, 'Minimaal 1').max(max, `Maximaal ${max}`))
    .openapi({ type: 'integer', minimum: 1, maximum: max, example });

export const gemeenteCodeParam = oneString('Verwacht één gemeentecode')
  .regex(/^GM\d{4}$/, 'Verwacht een CBS-gemeentecode als GM1916')
  .openapi({ example: 'GM1916' });

/** CBS codes (GM1916, WK191602, BU19160200, NL00) and programme area codes (e.g. PG_LNOORD). */
export const areaCodePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/;
export const areaCodeParam = oneString('Verwacht één gebiedscode')
  .regex(areaCodePattern, 'Verwacht een gebiedscode als BU19160200, WK191602 of GM1916')
  .openapi({ example: 'BU19160200' });

export const indicatorIdPattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/;
export const indicatorIdParam = oneString('Verwacht één indicator-id')
  .regex(indicatorIdPattern, 'Verwacht een indicator-id (letters, cijfers, _ en -)')
  .openapi({ example: 'bijstand_huishoudens_pct' });

export const periodPattern = /^\d{4}(-\d{4}|H[12])?$/;
export const periodParam = oneString('Verwacht één periode')
  .regex(periodPattern, 'Verwacht een periode als 2022, 2017-2021 of het halfjaar 2022H1')
  .openapi({ example: '2022' });

export const programmeIdParam = oneString('Verwacht één programma-id')
  .regex(programmeIdPattern, 'Verwacht een programma-id als sterk-voor-noord')
  .openapi({ example: 'sterk-voor-noord' });

export const horizonParam = oneString('Verwacht één horizon')
  .regex(/^(10|20)$/, 'Verwacht horizon 10 of 20 (jaar)')
  .transform(Number)
  .openapi({ type: 'integer', enum: [10, 20], example: 10 });

/** A comma-separated list of values that each match `pattern`, e.g. `indicator=a,b`. */
export const listParam = (pattern: RegExp, what: string, example: string) =>
  oneString(`Verwacht één (komma-gescheiden) lijst van ${what}`)
    .max(2000, 'Te lang')
    .transform((value, ctx) => {
      const parts = value.split(',').map((part) => part.trim());
      // One issue for the whole parameter, so invalidParams names `indicator`, not `indicator.3`.
      if (parts.length > 100) {
        ctx.addIssue({ code: 'custom', message: `Hoogstens 100 ${what}` });
        return z.NEVER;
      }
      const wrong = parts.filter((part) => !pattern.test(part));
      if (wrong.length > 0) {
        const shown = wrong.map((part) => JSON.stringify(part.slice(0, 40))).slice(0, 5);
        ctx.addIssue({ code: 'custom', message: `Ongeldige ${what}: ${shown.join(', ')}` });
        return z.NEVER;
      }
      return parts;
    })
    .openapi({ type: 'string', example, description: `Eén of meer ${what}, komma-gescheiden` });

export const pageParams = {
  pagina: positiveIntParam(100000, 1).optional().describe('Paginanummer, vanaf 1'),
  paginaGrootte: positiveIntParam(1000, 100)
    .optional()
    .describe('Aantal per pagina (standaard 100, hoogstens 1000)'),
};

export const linkSchema = z.object({ href: z.string() }).openapi('Link');

export const pageLinksSchema = z
  .object({
    self: linkSchema,
    first: linkSchema,
    last: linkSchema,
    prev: linkSchema.optional(),
    next: linkSchema.optional(),
  })
  .openapi('PaginaLinks', {
    description: 'HAL-links naar deze, de eerste, vorige, volgende en laatste pagina',
  });

export const pagingSchema = z
  .object({
    pagina: z.number().int(),
    paginaGrootte: z.number().int(),
    totaal: z.number().int().describe('Aantal resultaten over alle pagina’s'),
    aantalPaginas: z.number().int(),
  })
  .openapi('Paginering');

export const bboxSchema = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .openapi({ description: '[minLon, minLat, maxLon, maxLat] in WGS84' });

/** For endpoints without query parameters: any key given is refused as unknown. */
export const noQuerySchema = z.object({});
