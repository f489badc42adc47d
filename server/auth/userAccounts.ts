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

export const passwordSchema = z
  .string({ error: 'Vul een wachtwoord in' })
  .min(MIN_PASSWORD_LENGTH, `Een wachtwoord heeft minstens ${MIN_PASSWORD_LENGTH} tekens`)
  .max(1000, 'Een wachtwoord heeft hoogstens 1000 tekens');

export const newUserSchema = z
  .object({
    gebruikersnaam: usernameSchema,
    naam: z.string({ error: 'Vul een naam in' }).trim().min(1, 'Vul een naam in').max(200),
    rol: roleSchema,
    wachtwoord: passwordSchema,
  })
  .strict()
  .openapi('NieuweGebruiker');
export type NewUserInput = z.infer<typeof newUserSchema>;

export const userPatchSchema = z
  .object({
    naam: z.string().trim().min(1, 'Vul een naam in').max(200).optional(),
    rol: roleSchema.optional(),
    uitgeschakeld: z.boolean({ error: 'Verwacht true of false' }).optional(),
    wachtwoord: passwordSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Geef minstens één veld om te wijzigen')
  .openapi('GebruikerWijzigen');

export const userSchema = z
  .object({
    id: z.number().int(),
    gebruikersnaam: z.string(),
    naam: z.string(),
    rol: roleSchema,
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
    uitgeschakeld: user.disabled,
    aangemaakt: new Date(user.created_at).toISOString(),
  };
}

export class UsernameTakenError extends Error {}

/** Creates an account with an argon2id hash of its password; used by the CLI and the beheer API. */
export async function createUser(db: Db, input: NewUserInput): Promise<User> {
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.gebruikersnaam)
    .executeTakeFirst();
  if (existing) throw new UsernameTakenError(`De gebruikersnaam ${input.gebruikersnaam} bestaat al.`);
  return db
    .insertInto('users')
    .values({
      username: input.gebruikersnaam,
      display_name: input.naam,
      role: input.rol as Role,
      password_hash: await hashPassword(input.wachtwoord),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
