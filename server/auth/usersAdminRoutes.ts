import type { Router } from 'express';
import { newUserSchema, userListSchema, userPatchSchema, userSchema } from '../../schemas/users.ts';
import type { AppContext } from '../AppContext.ts';
import { writeAudit } from '../audit/audit.ts';
import type { Db } from '../db/createDatabase.ts';
import type { Role } from '../db/Database.ts';
import { documentAdmin } from '../http/documentAdmin.ts';
import { idParam, idPathSchema } from '../http/idParam.ts';
import { HttpProblem, notFound } from '../http/problem.ts';
import { parseBody } from '../http/validate.ts';
import { requireRole, requireSessionOf } from './guards.ts';
import { hashPassword } from './passwords.ts';
import { deleteSessionsOfUser } from './sessions.ts';
import {
  countOtherActiveBeheerders,
  createUser,
  findUserForUpdate,
  listUsers,
  requireOrganisation,
  UnknownOrganisationError,
  UsernameTakenError,
  updateUser,
  userView,
} from './userAccounts.ts';

documentAdmin({
  method: 'get',
  path: '/beheer/gebruikers',
  operationId: 'listGebruikers',
  summary: 'Alle gebruikers (beheerder)',
  responses: { 200: { description: 'Gebruikers', schema: userListSchema } },
});
documentAdmin({
  method: 'post',
  path: '/beheer/gebruikers',
  operationId: 'createGebruiker',
  summary: 'Gebruiker aanmaken (beheerder)',
  body: newUserSchema,
  responses: { 201: { description: 'Aangemaakt', schema: userSchema }, 409: { problem: 'Bestaat al' } },
});
documentAdmin({
  method: 'patch',
  path: '/beheer/gebruikers/{id}',
  operationId: 'updateGebruiker',
  summary: 'Rol, naam, wachtwoord wijzigen of uitschakelen (beheerder)',
  params: idPathSchema,
  body: userPatchSchema,
  responses: {
    200: { description: 'Gewijzigd', schema: userSchema },
    404: { problem: 'Niet gevonden' },
    409: { problem: 'Laatste beheerder' },
  },
});

const unknownOrganisation = (error: UnknownOrganisationError) =>
  new HttpProblem(400, 'Onbekende organisatie', error.message, [
    { name: 'organisatie', reason: error.message },
  ]);

/**
 * The organisation column after a change: set with the partner role, cleared with any other role;
 * a new organisation alone is only for someone who is a partner already.
 */
async function organisationOfPatch(
  db: Db,
  currentRole: Role,
  patch: { rol?: Role | undefined; organisatie?: number | undefined },
): Promise<number | null | undefined> {
  if (patch.rol === undefined && patch.organisatie !== undefined && currentRole !== 'partner') {
    const reason = `Alleen een partner hoort bij een organisatie; deze gebruiker is ${currentRole}.`;
    throw new HttpProblem(400, 'Geen partner', reason, [{ name: 'organisatie', reason }]);
  }
  if (patch.rol !== undefined && patch.rol !== 'partner') return null;
  try {
    await requireOrganisation(db, patch.organisatie);
  } catch (error) {
    if (error instanceof UnknownOrganisationError) throw unknownOrganisation(error);
    throw error;
  }
  return patch.organisatie;
}

/** Accounts: only a beheerder lists, creates, changes and disables them. */
export function mountUsersAdmin(router: Router, { db }: AppContext): void {
  const onlyBeheerder = requireRole('beheerder');

  router.get('/gebruikers', onlyBeheerder, async (_req, res) => {
    const users = await listUsers(db);
    res.json({ gebruikers: users.map(userView) });
  });

  router.post('/gebruikers', onlyBeheerder, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const input = parseBody(req, newUserSchema);
    const created = await db.transaction().execute(async (trx) => {
      try {
        const user = await createUser(trx, input);
        await writeAudit(trx, {
          actor,
          action: 'gebruiker.aanmaken',
          entity: 'gebruiker',
          entityId: user.id,
          before: null,
          after: userView(user),
        });
        return user;
      } catch (error) {
        if (error instanceof UsernameTakenError) {
          throw new HttpProblem(409, 'Gebruikersnaam bestaat al', error.message, [
            { name: 'gebruikersnaam', reason: error.message },
          ]);
        }
        if (error instanceof UnknownOrganisationError) throw unknownOrganisation(error);
        throw error;
      }
    });
    res.status(201).location(`${req.baseUrl}/gebruikers/${created.id}`).json(userView(created));
  });

  router.patch('/gebruikers/:id', onlyBeheerder, async (req, res) => {
    const actor = requireSessionOf(res).user;
    const id = idParam(req);
    const patch = parseBody(req, userPatchSchema);
    const updated = await db.transaction().execute(async (trx) => {
      const before = await findUserForUpdate(trx, id);
      if (!before) throw notFound(`Er is geen gebruiker met id ${id}.`);
      const losesBeheer =
        before.role === 'beheerder' &&
        !before.disabled &&
        ((patch.rol !== undefined && patch.rol !== 'beheerder') || patch.uitgeschakeld === true);
      if (losesBeheer) {
        if ((await countOtherActiveBeheerders(trx, id)) === 0) {
          throw new HttpProblem(
            409,
            'Laatste beheerder',
            'Dit is de laatste actieve beheerder; maak eerst een andere beheerder aan.',
          );
        }
      }
      const organisation = await organisationOfPatch(trx, before.role, patch);
      const after = await updateUser(trx, id, {
        ...(patch.naam !== undefined ? { display_name: patch.naam } : {}),
        ...(patch.rol !== undefined ? { role: patch.rol } : {}),
        ...(organisation !== undefined ? { organisation_id: organisation } : {}),
        ...(patch.uitgeschakeld !== undefined ? { disabled: patch.uitgeschakeld } : {}),
        ...(patch.wachtwoord !== undefined ? { password_hash: await hashPassword(patch.wachtwoord) } : {}),
      });
      // A disabled account or a new password ends every open session of that account at once.
      if (patch.uitgeschakeld === true || patch.wachtwoord !== undefined) await deleteSessionsOfUser(trx, id);
      await writeAudit(trx, {
        actor,
        action: 'gebruiker.wijzigen',
        entity: 'gebruiker',
        entityId: id,
        before: userView(before),
        after: {
          ...userView(after),
          ...(patch.wachtwoord !== undefined ? { wachtwoordGewijzigd: true } : {}),
        },
      });
      return after;
    });
    res.json(userView(updated));
  });
}
