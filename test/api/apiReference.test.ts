import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/testApp.ts';

const publicPaths = [
  '/gebieden',
  '/gebieden/{code}',
  '/gebieden/{code}/voortgang',
  '/indicatoren',
  '/indicatoren/{id}',
  '/waarnemingen',
  '/waarnemingen/{id}',
  '/waarnemingen/{id}/historie',
  '/programmas',
  '/programmas/{id}',
  '/programmas/{id}/voortgang',
  '/kaartlagen/{indicator}',
  '/geometrie/{indeling}/{niveau}',
  '/exports/waarnemingen.csv',
  '/exports/kaartlaag.geojson',
  '/exports/kaartlaag.fgb',
];

describe('the OpenAPI document and the API reference page', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.destroy());

  it('documents every public path with a 200 response schema and problem+json errors', async () => {
    const { body } = await request(t.app).get('/api/v1/openapi.json').expect(200);
    for (const path of publicPaths) {
      const get = body.paths[path]?.get;
      assert.ok(get, `${path} is not documented`);
      const ok = Object.values(get.responses['200'].content as Record<string, { schema?: unknown }>)[0];
      assert.ok(ok?.schema, `${path} has no 200 schema`);
      assert.ok(get.responses['400'].content['application/problem+json'], `${path} has no 400 problem`);
    }
  });

  it('documents every path parameter and the query parameters the routes accept', async () => {
    const { body } = await request(t.app).get('/api/v1/openapi.json').expect(200);
    for (const path of publicPaths) {
      const names = (body.paths[path].get.parameters ?? []).map(
        (p: { name: string; in: string }) => `${p.in}:${p.name}`,
      );
      for (const placeholder of path.match(/\{(\w+)\}/g) ?? []) {
        assert.ok(names.includes(`path:${placeholder.slice(1, -1)}`), `${path} lacks ${placeholder}`);
      }
    }
    const kaartlaag = body.paths['/kaartlagen/{indicator}'].get.parameters.map(
      (p: { name: string }) => p.name,
    );
    assert.deepEqual(kaartlaag.sort(), [
      'gemeente',
      'horizon',
      'indeling',
      'indicator',
      'niveau',
      'periode',
      'programma',
      'vorm',
    ]);
  });

  it('serves a readable Dutch HTML reference that names every public path', async () => {
    const res = await request(t.app).get('/api/v1/docs').expect(200);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.match(res.text, /<html lang="nl">/);
    for (const path of publicPaths)
      assert.ok(res.text.includes(`/api/v1${path}`), `${path} missing from the page`);
  });

  it('loads nothing from elsewhere and runs no script', async () => {
    const res = await request(t.app).get('/api/v1/docs').expect(200);
    assert.doesNotMatch(res.text, /<script|<link|src="http/);
  });
});
