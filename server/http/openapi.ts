import { OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import { problemSchema } from '../../schemas/problem.ts';

/** Semantic version of the API, in every API-Version header and info.version (CHANGELOG.md, decision 0098). */
export const API_VERSION = '2.1.0';

/**
 * One registry that every feature's router adds its paths to, with the same zod schemas that
 * validate the requests, so the published OpenAPI document cannot drift from the code.
 */
export const openApiRegistry = new OpenAPIRegistry();
// Named, so every error response refers to the one registered Problem component.
const problemRef = openApiRegistry.register('Problem', problemSchema);

/** The header every response of the API carries (Design Rules /core/version-header). */
export const apiVersionHeader = {
  'API-Version': { description: 'Volledige versie van de API', schema: { type: 'string' as const } },
};

/** An error response: application/problem+json with the shared Problem schema (RFC 9457). */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

/** Who answers questions about the API; published in info.contact (Design Rules /core/doc-openapi-contact). */
export interface ApiContact {
  name: string;
  email: string;
  url: string;
}

export function buildOpenApiDocument(contact: ApiContact): unknown {
  return new OpenApiGeneratorV3(openApiRegistry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'buurtpeil API',
      version: API_VERSION,
      description:
        'Indicatoren per buurt, wijk en gemeente, de streefwaarden van programma’s en de voortgang ernaartoe. ' +
        'Volgt de API Design Rules van het Kennisplatform API’s. Fouten als application/problem+json (RFC 9457).',
      contact: { ...contact },
      license: { name: 'Data: CC BY 4.0 (Bron: CBS)' },
    },
    servers: [{ url: '/api/v1' }],
  });
}
