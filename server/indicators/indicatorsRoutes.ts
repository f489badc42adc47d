import type { MountFeature } from '../http/MountFeature.ts';

export const mountIndicators: MountFeature = (_api, _context) => {
  // Routes of this feature are added here.
};
