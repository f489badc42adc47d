import type { VoortgangFormBody } from '../../schemas/plan.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Db } from '../db/createDatabase.ts';
import { HttpProblem } from '../http/problem.ts';
import { inspanningenOfOrganisation } from './planVoortgangRepository.ts';

// What a partner may touch: the inspanningen of its own organisation, as trekker or partner
// (decision 0109). Shared by the voortgang form and the voortgang write route.

/** A partner account's organisation; the other roles have none (and see everything). */
export const organisationOf = (user: SessionUser) => (user.role === 'partner' ? user.organisationId : null);

/**
 * Refuses a voortgang form of a partner with a line for an inspanning that is not its
 * organisation's, naming each such line. For the other roles it lets everything through.
 */
export async function refuseOtherOrganisations(
  db: Db,
  user: SessionUser,
  programmeId: string,
  form: VoortgangFormBody,
): Promise<void> {
  const organisation = organisationOf(user);
  if (organisation === null) return;
  const own = await inspanningenOfOrganisation(db, organisation, programmeId);
  const foreign = form.regels.flatMap((line, index) =>
    own.has(line.inspanning)
      ? []
      : [
          {
            name: `regels.${index}.inspanning`,
            reason: `Inspanning ${line.inspanning} is niet van uw organisatie (trekker of partner); die mag u niet bijwerken.`,
          },
        ],
  );
  if (foreign.length > 0)
    throw new HttpProblem(
      403,
      'Geen toegang',
      'Als partner legt u alleen voortgang vast voor de inspanningen van uw eigen organisatie.',
      foreign,
    );
}
