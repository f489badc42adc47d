import {
  areaLevels,
  mapStatuses,
  polarities,
  programmeAreaRoles,
  progressStatuses,
  roles,
  targetKinds,
} from './vocabulary.ts';
import { z } from './zod.ts';

// The domain's closed vocabularies (schemas/vocabulary.ts) as zod enums, once. The engine, the
// database types, the routes and the client derive their types from these (z.infer), so a new
// status or target kind is added in one place and the compiler names every place to handle it.

export const progressStatusSchema = z.enum(progressStatuses).openapi('VoortgangStatus');
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

export const mapStatusSchema = z.enum(mapStatuses).openapi('KaartStatus');
export type MapStatus = z.infer<typeof mapStatusSchema>;

export const targetKindSchema = z.enum(targetKinds, {
  error: `Kies de soort ${targetKinds.slice(0, -1).join(', ')} of ${targetKinds.at(-1)}`,
});
export type TargetKind = z.infer<typeof targetKindSchema>;

export const areaLevelSchema = z
  .enum(areaLevels, { error: `Verwacht een van: ${areaLevels.join(', ')}` })
  .openapi('Niveau', { description: 'Het niveau van een gebied' });
export type AreaLevel = z.infer<typeof areaLevelSchema>;

export const polaritySchema = z
  .enum(polarities)
  .openapi('Polariteit', { description: 'Welke richting beter is' });
export type Polarity = z.infer<typeof polaritySchema>;

export const roleSchema = z.enum(roles, { error: 'Kies de rol beheerder, redacteur of partner' });
export type Role = z.infer<typeof roleSchema>;

export const programmeAreaRoleSchema = z.enum(programmeAreaRoles, {
  error: 'Kies de rol focus of programmagebied',
});
export type ProgrammeAreaRole = z.infer<typeof programmeAreaRoleSchema>;
