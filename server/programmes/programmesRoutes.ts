import type { MountFeature } from '../http/MountFeature.ts';

export const mountProgrammes: MountFeature = (_api, _context) => {
  // Routes of this feature are added here.
};
