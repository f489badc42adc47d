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
  change: { display_name?: string; role?: Role; disabled?: boolean; password_hash?: string },
): Promise<User> {
  return db.updateTable('users').set(change).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
