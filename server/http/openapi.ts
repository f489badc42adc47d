import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { problemSchema } from '../../schemas/problem.ts';

export const API_VERSION = '1.0.0';

/**
 * One registry that every feature's router adds its paths to, with the same zod schemas that
 * validate the requests, so the published OpenAPI document cannot drift from the code.
 */
export const openApiRegistry = new OpenAPIRegistry();
openApiRegistry.register('Problem', problemSchema);

export function buildOpenApiDocument(): unknown {
  return new OpenApiGeneratorV3(openApiRegistry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'buurtpeil API',
      version: API_VERSION,
      description:
        'Indicatoren per buurt, wijk en gemeente, de streefwaarden van programma’s en de voortgang ernaartoe. ' +
        'Volgt de API Design Rules van het Kennisplatform API’s. Fouten als application/problem+json (RFC 9457).',
      contact: { name: 'buurtpeil' },
      license: { name: 'Data: CC BY 4.0 (Bron: CBS)' },
    },
    servers: [{ url: '/api/v1' }],
  });
}
