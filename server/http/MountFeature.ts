import type { Router } from 'express';
import type { AppContext } from '../AppContext.ts';

/** A feature adds its routes to the /api/v1 router; each feature lives in its own folder under server/. */
export type MountFeature = (api: Router, context: AppContext) => void;
