import type { NewUserInput, UserBody } from '../../schemas/users.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Role, User } from '../db/Database.ts';
import { hashPassword } from './passwords.ts';

export { newUserSchema, userPatchSchema, userSchema } from '../../schemas/users.ts';

/** The public view of an account: never the password hash, also not in the audit log. */
export function userView(user: User): UserBody {
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

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function findUserForUpdate(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** How many active beheerders there are besides this account (the last one may not go). */
export async function countOtherActiveBeheerders(db: Db, id: number): Promise<number> {
  const others = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'beheerder')
    .where('disabled', '=', false)
    .where('id', '!=', id)
    .executeTakeFirstOrThrow();
  return Number(others.n);
}

export async function updateUser(
  db: Db,
  id: number,
  change: {
    display_name?: string;
    role?: Role;
    organisation_id?: number | null;
    disabled?: boolean;
    password_hash?: string;
  },
): Promise<User> {
  return db.updateTable('users').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
