import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The embedded database's folder cannot be made or written; the message is for people, in Dutch. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** `memory://`, `idb://` and other PGlite URLs are not folders on disk. */
export function isFolderPath(dataDir: string): boolean {
  return !/^[a-z]+:\/\//i.test(dataDir);
}

/**
 * Makes the embedded database's folder, with every missing parent, and checks it can be written.
 * PGlite itself only makes the last folder, so `data/pglite` on a fresh clone failed with ENOENT.
 * Throws DataDirError with one Dutch sentence naming the folder and the cause.
 */
export function prepareDataDir(dataDir: string): void {
  if (!isFolderPath(dataDir)) return;
  const folder = path.resolve(dataDir);
  const hint = 'Kies met BUURTPEIL_DB_DIR een map waarin je mag schrijven, of gebruik DATABASE_URL.';
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DataDirError(
      `De map voor de ingebouwde database (${folder}) kan niet worden gemaakt: ${describe(error)}. ${hint}`,
    );
  }
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw new DataDirError(
      `In de map voor de ingebouwde database (${folder}) kan niet worden geschreven: ${describe(error)}. ${hint}`,
    );
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'geen schrijfrechten';
    case 'EROFS':
      return 'het bestandssysteem is alleen-lezen';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'een deel van het pad is een bestand, geen map';
    case 'ENOSPC':
      return 'de schijf is vol';
    default:
      return code ?? String(error);
  }
}
