import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Adds .openapi() to every zod schema so the same schemas produce the OpenAPI document.
// Import `z` from here, not from 'zod', in every schema file.
extendZodWithOpenApi(z);

export { z };
