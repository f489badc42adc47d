import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import spectralCore, { type ISpectralDiagnostic } from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import { bundleAndLoadRuleset } from '@stoplight/spectral-ruleset-bundler/with-loader';
import request from 'supertest';
import { sharedStandardsDir } from '../support/sharedData.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

// The Logius API Design Rules linter (its Spectral ruleset, ../shared/standards) over the OpenAPI
// document the app publishes. The ruleset extends only `spectral:oas`, which ships inside
// @stoplight/spectral-rulesets, so nothing is downloaded: fetch is refused outright.
const { Spectral, Document } = spectralCore;
const rulesetPath = path.join(sharedStandardsDir, 'logius-adr-linter.yaml');
const noFetch = (() =>
  Promise.reject(new Error('the linter must not download anything'))) as unknown as typeof fetch;

type OpenApi = {
  info: { contact?: Record<string, string> };
  paths: Record<
    string,
    Record<string, { operationId?: string; responses: Record<string, { headers?: object }> }>
  >;
};

const errorsOf = (diagnostics: ISpectralDiagnostic[]) =>
  diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);

describe('the OpenAPI document against the Logius API Design Rules', () => {
  let t: TestApp;
  let document: OpenApi;
  let lint: (doc: unknown) => Promise<ISpectralDiagnostic[]>;

  before(async () => {
    t = await createTestApp();
    document = (await request(t.app).get('/api/v1/openapi.json').expect(200)).body;
    const spectral = new Spectral();
    spectral.setRuleset(await bundleAndLoadRuleset(rulesetPath, { fs, fetch: noFetch }));
    lint = (doc) =>
      spectral.run(new Document(JSON.stringify(doc, null, 2), spectralParsers.Json, 'openapi.json'));
  });
  after(() => t.destroy());

  it('has no errors and no warnings from the linter', async () => {
    const diagnostics = await lint(document);
    assert.deepEqual(errorsOf(diagnostics), []);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      [],
    );
  });

  it('names every operation with a unique operationId', () => {
    const ids = Object.entries(document.paths).flatMap(([route, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) => operation.operationId ?? `missing on ${method} ${route}`,
      ),
    );
    assert.ok(ids.length >= 30, `only ${ids.length} operations documented`);
    assert.deepEqual(
      ids.filter((id) => id.startsWith('missing')),
      [],
    );
    assert.equal(new Set(ids).size, ids.length, 'operationIds are not unique');
  });

  it('reports an error when a rule is broken (the linter really runs)', async () => {
    const broken = structuredClone(document);
    delete broken.info.contact?.email;
    delete broken.paths['/gebieden']?.get?.responses['304']?.headers;
    const errors = errorsOf(await lint(broken));
    assert.equal(errors.length, 2, errors.join('\n'));
    assert.match(errors.join('\n'), /nlgov:info-contact-fields-exist at info\.contact/);
    assert.match(errors.join('\n'), /nlgov:missing-header at paths\.\/gebieden\.get\.responses\.304/);
  });
});
