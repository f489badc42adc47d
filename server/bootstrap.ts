import type { AppContext } from './app.ts';

/**
 * Start-up on an empty database: loads the programme definitions in geodata/ and, when
 * BUURTPEIL_DATA_DIR names a local copy of the CBS/PDOK files, the boundaries and KWB figures.
 * Without data it still starts and says plainly how to load it.
 */
export async function bootstrap(_context: AppContext): Promise<void> {
  // Filled in by the imports feature.
}
