import type { MountFeature } from './MountFeature.ts';
import { buildOpenApiDocument } from './openapi.ts';

// A readable API reference, rendered on the server from the same OpenAPI document as
// /api/v1/openapi.json. Plain HTML and inline CSS only: no CDN, and no script, so it works under
// the app's Content-Security-Policy (script-src 'self') and without JavaScript.

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  description?: string;
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
};
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Document = {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};

const escapeHtml = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const refName = (ref: string) => ref.split('/').pop() ?? ref;
const anchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function describeType(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return `<a href="#${anchor(name)}">${escapeHtml(name)}</a>`;
  }
  const nullable = schema.nullable ? ' | null' : '';
  if (schema.allOf) {
    // zod-to-openapi wraps a described $ref as allOf [ref, {description}]: show only the typed parts.
    const typed = schema.allOf.filter((part) => part.$ref || part.type || part.enum || part.allOf);
    return typed.map(describeType).join(' & ') + nullable;
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(describeType).join(' | ') + nullable;
  if (schema.enum)
    return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ') + nullable;
  if (schema.type === 'array') return `${describeType(schema.items)}[]${nullable}`;
  return `${escapeHtml(schema.type ?? 'any')}${nullable}`;
}

function descriptionOf(schema: Schema | undefined): string {
  if (!schema) return '';
  return schema.description ?? schema.allOf?.map((s) => s.description).find(Boolean) ?? '';
}

function details(schema: Schema | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (schema.example !== undefined)
    parts.push(`voorbeeld: <code>${escapeHtml(JSON.stringify(schema.example))}</code>`);
  if (schema.default !== undefined)
    parts.push(`standaard: <code>${escapeHtml(JSON.stringify(schema.default))}</code>`);
  if (schema.minimum !== undefined) parts.push(`min ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`max ${schema.maximum}`);
  return parts.length ? `(${parts.join(', ')})` : '';
}

function renderOperation(path: string, method: string, op: Operation): string {
  const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
  const params = op.parameters ?? [];
  const paramRows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">verplicht</span>' : ''}</td>` +
        `<td>${escapeHtml(p.in === 'path' ? 'pad' : p.in)}</td><td>${describeType(p.schema)}</td>` +
        `<td>${escapeHtml(p.description ?? descriptionOf(p.schema))} ${details(p.schema)}</td></tr>`,
    )
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(([status, response]) => {
      const media = Object.entries(response.content ?? {})
        .map(([type, content]) => `<code>${escapeHtml(type)}</code> ${describeType(content.schema)}`)
        .join('; ');
      return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description ?? '')}${media ? ` — ${media}` : ''}</li>`;
    })
    .join('');
  return `<section class="op" id="${id}">
<h3><span class="method">${escapeHtml(method.toUpperCase())}</span> <code>/api/v1${escapeHtml(path)}</code></h3>
<p>${escapeHtml(op.summary ?? '')}</p>${op.description ? `<p class="desc">${escapeHtml(op.description)}</p>` : ''}
${params.length ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Betekenis</th></tr></thead><tbody>${paramRows}</tbody></table>` : '<p class="muted">Geen parameters.</p>'}
<h4>Antwoorden</h4><ul>${responses}</ul></section>`;
}

function renderSchema(name: string, schema: Schema): string {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const body = properties.length
    ? `<table><thead><tr><th>Veld</th><th>Type</th><th>Betekenis</th></tr></thead><tbody>${properties
        .map(
          ([field, prop]) =>
            `<tr><td><code>${escapeHtml(field)}</code>${required.has(field) ? '' : ' <span class="muted">(optioneel)</span>'}</td>` +
            `<td>${describeType(prop)}</td><td>${escapeHtml(descriptionOf(prop))} ${details(prop)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p>${describeType(schema)}</p>`;
  return `<section class="schema" id="${anchor(name)}"><h3>${escapeHtml(name)}</h3>${
    schema.description ? `<p>${escapeHtml(schema.description)}</p>` : ''
  }${body}</section>`;
}

export function renderApiReference(document: Document): string {
  const byTag = new Map<string, string[]>();
  const toc = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'Overig';
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(path, method, op)]);
      const id = `${method}-${path}`.replace(/[^A-Za-z0-9]+/g, '-');
      toc.set(tag, [
        ...(toc.get(tag) ?? []),
        `<li><a href="#${id}"><code>${escapeHtml(method.toUpperCase())} ${escapeHtml(path)}</code></a></li>`,
      ]);
    }
  }
  const schemas = Object.entries(document.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — API-referentie</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 1.5rem;color:#1a1a1a}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #ddd;margin-top:2.5rem}
code{font-family:ui-monospace,monospace;font-size:.92em;background:#f3f3f3;padding:0 .2em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f0f0}.op,.schema{margin:1.5rem 0;padding-top:.5rem}
.method{background:#0b5394;color:#fff;border-radius:3px;padding:0 .4em;font-size:.85em}
.req{color:#a00;font-size:.85em}.muted{color:#595959}.desc{color:#333}
a{color:#0b5394}nav ul{columns:2}
</style></head><body>
<header><h1>${escapeHtml(document.info.title)} <small class="muted">versie ${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description ?? '')}</p>
<p>Machineleesbaar: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a> (OpenAPI 3). Elke aanvraag geeft een
<code>API-Version</code>-header en een <code>ETag</code> (stuur hem terug in <code>If-None-Match</code> voor een 304). Fouten zijn
<code>application/problem+json</code> met <code>invalidParams</code>: elke ongeldige of onbekende parameter bij naam.
Query-parameters zijn camelCase; lijsten pagineren met <code>pagina</code> en <code>paginaGrootte</code> en geven <code>_links</code>.
Waarden onder de openbaarmakingsregel van een indicator komen nergens mee (API, kaart, CSV, GeoJSON): ze heten “geheim / te klein”.</p></header>
<nav><h2>Inhoud</h2>${[...toc.entries()]
    .map(([tag, items]) => `<h3>${escapeHtml(tag)}</h3><ul>${items.join('')}</ul>`)
    .join('')}<p><a href="#schemas">Schema’s</a></p></nav>
<main>${[...byTag.entries()].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>${ops.join('')}`).join('')}
<h2 id="schemas">Schema’s</h2>${schemas.map(([name, schema]) => renderSchema(name, schema)).join('')}</main>
</body></html>`;
}

/** GET /api/v1/docs: the reference page. */
export const mountApiReference: MountFeature = (api, context) => {
  api.get('/docs', (_req, res) => {
    res.type('html').send(renderApiReference(buildOpenApiDocument(context.config.apiContact) as Document));
  });
};
