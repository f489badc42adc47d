import path from 'node:path';

/** The real CBS/PDOK files beside the project (../shared/data); tests read them by path, never copy them. */
export const sharedDataDir =
  process.env.BUURTPEIL_SHARED_DATA ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export const sharedFile = (...parts: string[]) => path.join(sharedDataDir, ...parts);

/** The standards the project is tested against (../shared/standards, see its README). */
export const sharedStandardsDir =
  process.env.BUURTPEIL_SHARED_STANDARDS ??
  path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'standards');
