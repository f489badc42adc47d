import { roleSchema } from '../../schemas/enums.ts';
import { z } from '../../schemas/zod.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Role, User } from '../db/Database.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './passwords.ts';

export const usernameSchema = z
  .string({ error: 'Vul een gebruikersnaam in' })
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,49}$/,
    'Gebruik 2 tot 50 kleine letters, cijfers, punt, streepje of liggend streepje',
  );

const organisationIdSchema = z
  .number({ error: 'Verwacht het id van een organisatie (een getal)' })
  .int('Verwacht het id van een organisatie (een geheel getal)')
  .positive('Verwacht het id van een organisatie (een positief getal)');

/** A partner works for exactly one organisation; the other roles for none (decision 0109). */
function partnerHasOrganisation(
  role: Role | undefined,
  organisation: number | undefined,
  ctx: z.RefinementCtx,
) {
  if (role === 'partner' && organisation === undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['organisatie'],
      message: 'Kies de organisatie van deze partner',
    });
  if (role !== undefined && role !== 'partner' && organisation !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['organisatie'],
      message: `Alleen een partner hoort bij een organisatie, een ${role} niet`,
    });
}

export const passwordSchema = z
  .string({ error: 'Vul een wachtwoord in' })
  .min(MIN_PASSWORD_LENGTH, `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`)
  .max(1000, 'Een wachtwoord heeft hoogstens 1000 tekens');

export const newUserSchema = z
  .object({
    gebruikersnaam: usernameSchema,
    naam: z.string({ error: 'Vul een naam in' }).trim().min(1, 'Vul een naam in').max(200),
    rol: roleSchema,
    organisatie: organisationIdSchema
      .optional()
      .describe('Alleen bij de rol partner (en dan verplicht): de organisatie van de gebruiker'),
    wachtwoord: passwordSchema,
  })
  .strict()
  .superRefine((user, ctx) => partnerHasOrganisation(user.rol, user.organisatie, ctx))
  .openapi('NieuweGebruiker');
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    naam: z.string().trim().min(1, 'Vul een naam in').max(200).optional(),
    rol: roleSchema.optional(),
    organisatie: organisationIdSchema.optional().describe('Verplicht wanneer de rol partner wordt'),
    uitgeschakeld: z.boolean({ error: 'Verwacht true of false' }).optional(),
    wachtwoord: passwordSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Geef minstens één veld om te wijzigen')
  .superRefine((patch, ctx) => {
    if (patch.rol !== undefined) partnerHasOrganisation(patch.rol, patch.organisatie, ctx);
  })
  .openapi('GebruikerWijzigen');

export const userSchema = z
  .object({
    id: z.number().int(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: roleSchema,
    organisatie: z.number().int().nullable().describe('De organisatie van een partner'),
    uitgeschakeld: z.boolean(),
    aangemaakt: z.string(),
  })
  .openapi('Gebruiker');

/** The public view of an account: never the password hash, also not in the audit log. */
export function userView(user: User) {
  return {
    id: user.id,
    gebruikersnaam: user.username,
    naam: user.display_name,
    rol: user.role,
    organisatie: user.organisation_id,
    uitgeschakeld: user.disabled,
    aangemaakt: new Date(user.created_at).toISOString(),
  };
}

export class UsernameTakenError extends Error {}
export class UnknownOrganisationError extends Error {}

/** The organisation a CLI argument names: its id, or its name (case-insensitive, one match only). */
export async function resolveOrganisation(db: Db, given: string): Promise<number> {
  if (/^\d{1,9}$/.test(given)) return Number(given);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'gemeente_code'])
    .where((eb) => eb(eb.fn('lower', ['name']), '=', given.trim().toLowerCase()))
    .execute();
  if (rows.length === 0) throw new UnknownOrganisationError(`Er is geen organisatie met de naam ${given}.`);
  if (rows.length > 1)
    throw new UnknownOrganisationError(
      `Er zijn ${rows.length} organisaties met de naam ${given} (ids ${rows.map((r) => `${r.id} in ${r.gemeente_code}`).join(', ')}); geef het id.`,
    );
  return rows[0]!.id;
}

/** Refuses an organisation id that does not exist, before the database's foreign key would. */
export async function requireOrganisation(db: Db, id: number | undefined): Promise<void> {
  if (id === undefined) return;
  const row = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new UnknownOrganisationError(`Er is geen organisatie met id ${id}.`);
}

/** Creates an account with an argon2id hash of its password; used by the CLI and the beheer API. */
export async function createUser(db: Db, input: NewUserInput): Promise<User> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.gebruikersnaam)
    .executeTakeFirst();
  if (existing) throw new UsernameTakenError(`De gebruikersnaam ${input.gebruikersnaam} bestaat al.`);
  await requireOrganisation(db, input.organisatie);
  return db
    .insertInto('users')
    .values({
      username: input.gebruikersnaam,
      display_name: input.naam,
      role: input.rol as Role,
      organisation_id: input.organisatie ?? null,
      password_hash: await hashPassword(input.wachtwoord),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
