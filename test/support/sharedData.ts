import path from 'node:path';

/** The real CBS/PDOK files beside the project (../shared/data); tests read them by path, never copy them. */
export const sharedDataDir =
  process.env.BUURTPEIL_SHARED_DATA ?? path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');

export const sharedFile = (...parts: string[]) => path.join(sharedDataDir, ...parts);
