import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('the API root', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.destroy());

  it('reports which database it runs on, with an API-Version header', async () => {
    const res = await request(t.app).get('/api/v1/status').expect(200);
    assert.equal(res.headers['api-version'], '2.1.0');
    assert.equal(res.body.database, t.kind);
    // Honest: the database was asked (D1); the outage case is in test/faults/d1-database-outage.
    assert.equal(res.body.databaseBereikbaar, true);
    assert.equal(res.body.status, 'ok');
  });

  it('answers an unknown resource with 404 problem+json', async () => {
    const res = await request(t.app).get('/api/v1/bestaat-niet').expect(404);
    assert.match(res.headers['content-type'] ?? '', /application\/problem\+json/);
    assert.equal(res.body.status, 404);
  });

  it('publishes an OpenAPI 3 document', async () => {
    const res = await request(t.app).get('/api/v1/openapi.json').expect(200);
    assert.match(res.body.openapi, /^3\./);
  });

  it('sends strict security headers', async () => {
    const res = await request(t.app).get('/api/v1/status');
    assert.match(res.headers['content-security-policy'] ?? '', /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    // HSTS only over https or when configured (test/api/auth.test.ts, Strict-Transport-Security).
    assert.equal(res.headers['strict-transport-security'], undefined);
  });
});
