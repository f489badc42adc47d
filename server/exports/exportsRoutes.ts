import type { MountFeature } from '../http/MountFeature.ts';

export const mountExports: MountFeature = (_api, _context) => {
  // Routes of this feature are added here.
};
