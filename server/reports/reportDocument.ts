import { inDutch } from '../../schemas/progressKeys.ts';
import type { ReportBody } from '../../schemas/reports.ts';
import type { Db } from '../db/createDatabase.ts';
import { assemblePlan } from '../plan/assemblePlan.ts';
import { halfYearOf } from '../plan/halfYear.ts';
import { findPlanRows } from '../plan/planRepository.ts';
import { getProgrammeProgress } from '../progress/progressService.ts';
import { newestData } from './newestData.ts';
import { reportChanges } from './reportChanges.ts';
import { findPreviousVersion } from './reportsRepository.ts';

/**
 * The live report of a programme for one half year: the voortgang and the plan as the API serves
 * them now, the newest figure used, and what changed since the last vastgestelde report of this
 * half year or before. Undefined when the programme does not exist.
 */
export async function liveReport(
  db: Db,
  programmeId: string,
  period: string,
): Promise<ReportBody | undefined> {
  const progress = await getProgrammeProgress(db, programmeId);
  if (!progress) return undefined;
  const voortgang = inDutch(progress);
  const [rows, previous] = await Promise.all([
    findPlanRows(db, programmeId),
    findPreviousVersion(db, programmeId, period),
  ]);
  const plan = assemblePlan(programmeId, rows, { period, now: halfYearOf(new Date()) });
  const recorded = plan.inspanningen
    .flatMap((i) => (i.laatsteVoortgang ? [i.laatsteVoortgang.vastgelegd] : []))
    .sort()
    .at(-1);
  return {
    programma: programmeId,
    naam: voortgang.programma.naam,
    periode: period,
    gegevensTot: newestData(voortgang),
    voortgangTot: recorded ?? null,
    vastgesteld: null,
    vorige: previous?.ref ?? null,
    veranderingen: previous ? reportChanges(previous.document, { voortgang, plan }) : null,
    voortgang,
    plan,
  };
}
