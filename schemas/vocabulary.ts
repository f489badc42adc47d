// The closed vocabularies of the domain, each written once, as plain values without zod so the
// client can import them without carrying zod into its bundle. schemas/enums.ts makes zod enums of
// them for validation and OpenAPI; every type (engine, database, client) derives from those.

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

/** On map layers and in the legend: also an area without a target for that indicator and horizon. */
export const mapStatuses = [...progressStatuses, 'geen_streefwaarde'] as const;

/** How a target is judged: against a number, a reference area's level, or only a direction. */
export const targetKinds = ['absoluut', 'referentieniveau', 'richting'] as const;

export const areaLevels = ['land', 'gemeente', 'wijk', 'buurt', 'programmagebied'] as const;

export const polarities = ['lager_is_beter', 'hoger_is_beter', 'neutraal'] as const;

/** A user's role in beheer; a partner is tied to one organisation (decision 0109). */
export const roles = ['beheerder', 'redacteur', 'partner'] as const;

/** The part an area plays in a programme. */
export const programmeAreaRoles = ['focus', 'programmagebied'] as const;

/** A programme id, e.g. sterk-voor-noord: lower-case letters, digits and hyphens. */
export const programmeIdPattern = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** The shortest password beheer accepts (schemas/users.ts validates it; the form says it). */
export const MIN_PASSWORD_LENGTH = 12;
