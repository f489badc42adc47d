import type { AreaProgressProfileBody, ProgrammeProgressBody } from '../../schemas/progress.ts';
import type { InDutch } from '../../schemas/progressKeys.ts';
import type { AreaProgressProfile, ProgrammeProgress } from '../progress/types.ts';

// Compile-time only: the published zod schemas of the progress results must accept exactly what the
// progress service returns, with its keys translated (schemas/progressKeys.ts). If the engine's types change, tsc fails here, not the client at runtime.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const programmeProgressMatches: Same<InDutch<ProgrammeProgress>, ProgrammeProgressBody> = true;
const areaProgressMatches: Same<InDutch<AreaProgressProfile>, AreaProgressProfileBody> = true;
export const progressSchemasMatchEngine = programmeProgressMatches && areaProgressMatches;
