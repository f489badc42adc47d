import { mountAreas } from './areas/areasRoutes.ts';
import { mountAuth } from './auth/authRoutes.ts';
import { mountBeheer } from './beheer/beheerRoutes.ts';
import { mountExports } from './exports/exportsRoutes.ts';
import { mountApiReference } from './http/apiReference.ts';
import type { MountFeature } from './http/MountFeature.ts';
import { mountIndicators } from './indicators/indicatorsRoutes.ts';
import { mountMapLayers } from './maplayers/mapLayersRoutes.ts';
import { mountMapTiles } from './maptiles/tilesRoutes.ts';
import { mountObservations } from './observations/observationsRoutes.ts';
import { mountPlan } from './plan/planRoutes.ts';
import { mountProgrammes } from './programmes/programmesRoutes.ts';
import { mountReports } from './reports/reportsRoutes.ts';

/** The API's features in the order their routes are matched. */
export const featureRouters: MountFeature[] = [
  mountAuth,
  mountBeheer,
  mountAreas,
  mountIndicators,
  mountObservations,
  mountProgrammes,
  mountPlan,
  mountReports,
  mountMapLayers,
  mountMapTiles,
  mountExports,
  mountApiReference,
];
