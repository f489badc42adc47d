import type { MountFeature } from '../http/MountFeature.ts';

export const mountAuth: MountFeature = (_api, _context) => {
  // Routes of this feature are added here.
};
