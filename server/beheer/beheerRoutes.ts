import type { MountFeature } from '../http/MountFeature.ts';

export const mountBeheer: MountFeature = (_api, _context) => {
  // Routes of this feature are added here.
};
