import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder with package.json (geodata/, dist/client/ live there), found from this file upwards,
 * so the same code works from server/ (tsx) and from the compiled dist/app/server/ (npm start).
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export const projectRoot = findProjectRoot(import.meta.dirname);
