// Reads targets and observations with Kysely and hands disclosed values to the pure engine.
import type { Db } from '../db/createDatabase.ts';
import type {
  AreaProgress,
  AreaProgressProfile,
  GetAreaStatusesOptions,
  GetProgrammeProgressOptions,
  ProgrammeProgress,
} from './types.ts';

/** Every target of a programme with its series and judgements; null when the programme does not exist. */
export async function getProgrammeProgress(
  _db: Db,
  _programmeId: string,
  _options: GetProgrammeProgressOptions = {},
): Promise<ProgrammeProgress | null> {
  throw new Error('not implemented yet');
}

/** For a map layer: area code → status, for areas with a target for that indicator and horizon. */
export async function getAreaStatuses(
  _db: Db,
  _options: GetAreaStatusesOptions,
): Promise<Map<string, AreaProgress>> {
  throw new Error('not implemented yet');
}

/** Every target judgement that concerns one area; null when the area does not exist in that vintage. */
export async function getAreaProgress(
  _db: Db,
  _areaCode: string,
  _vintage: number,
): Promise<AreaProgressProfile | null> {
  throw new Error('not implemented yet');
}
