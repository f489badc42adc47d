import { z } from './zod.ts';

// The closed vocabularies of the domain, each written once. The engine, the database types, the
// routes and the client derive their types from these (z.infer), so a new status or target kind
// is added here and the compiler names every place that must handle it.

/** Status of one target × area × year, best first (the engine's judgements). */
export const progressStatuses = [
  'behaald',
  'op_schema',
  'versnelling_nodig',
  'beperkte_vooruitgang',
  'verslechtering',
  'onzeker',
  'onvoldoende_gegevens',
] as const;
export const progressStatusSchema = z.enum(progressStatuses).openapi('VoortgangStatus');
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** On map layers and in the legend: also an area without a target for that indicator and horizon. */
export const mapStatuses = [...progressStatuses, 'geen_streefwaarde'] as const;
export const mapStatusSchema = z.enum(mapStatuses).openapi('KaartStatus');
export type MapStatus = z.infer<typeof mapStatusSchema>;

/** How a target is judged: against a number, a reference area's level, or only a direction. */
export const targetKinds = ['absoluut', 'referentieniveau', 'richting'] as const;
export const targetKindSchema = z.enum(targetKinds, {
  error: `Kies de soort ${targetKinds.slice(0, -1).join(', ')} of ${targetKinds.at(-1)}`,
});
export type TargetKind = z.infer<typeof targetKindSchema>;

export const areaLevels = ['land', 'gemeente', 'wijk', 'buurt', 'programmagebied'] as const;
export const areaLevelSchema = z
  .enum(areaLevels, { error: `Verwacht een van: ${areaLevels.join(', ')}` })
  .openapi('Niveau', { description: 'Het niveau van een gebied' });
export type AreaLevel = z.infer<typeof areaLevelSchema>;

export const polarities = ['lager_is_beter', 'hoger_is_beter', 'neutraal'] as const;
export const polaritySchema = z
  .enum(polarities)
  .openapi('Polariteit', { description: 'Welke richting beter is' });
export type Polarity = z.infer<typeof polaritySchema>;

/** A user's role in beheer. */
export const roles = ['beheerder', 'redacteur'] as const;
export const roleSchema = z.enum(roles, { error: 'Kies de rol beheerder of redacteur' });
export type Role = z.infer<typeof roleSchema>;

/** The part an area plays in a programme. */
export const programmeAreaRoles = ['focus', 'programmagebied'] as const;
export const programmeAreaRoleSchema = z.enum(programmeAreaRoles, {
  error: 'Kies de rol focus of programmagebied',
});
export type ProgrammeAreaRole = z.infer<typeof programmeAreaRoleSchema>;

/** A programme id, e.g. sterk-voor-noord: lower-case letters, digits and hyphens. */
export const programmeIdPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;
