import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import request from 'supertest';
import { ensureClientBuilt } from '../support/browser.ts';
import { createTestApp, type TestApp } from '../support/testApp.ts';

describe('the client shell', () => {
  let plain: TestApp;
  let withBasemap: TestApp;
  before(async () => {
    ensureClientBuilt();
    plain = await createTestApp();
    withBasemap = await createTestApp({
      BUURTPEIL_BASEMAP_STYLE_URL: 'https://tiles.example/style.json?a=1&b="x"',
    });
  });
  after(async () => {
    await plain.destroy();
    await withBasemap.destroy();
  });

  it('serves index.html for a client route such as a shared area link, never cached stale', async () => {
    const res = await request(plain.app).get('/gebied/BU19160200').expect(200);
    assert.match(res.headers['content-type'] ?? '', /text\/html/);
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(res.text, /<div id="root">/);
    assert.doesNotMatch(res.text, /buurtpeil:basemap/);
  });

  it('answers 404 for a missing asset instead of index.html (D17)', async () => {
    for (const url of ['/assets/x.js', '/assets/bestaat-niet.css', '/favicon-oud.png']) {
      const res = await request(plain.app).get(url);
      assert.equal(res.status, 404, url);
      assert.doesNotMatch(res.text, /<div id="root">/, url);
    }
    // A client route with a dot-free path still gets the page.
    await request(plain.app).get('/gebied/BU19160200').expect(200);
  });

  it('hands the configured basemap style URL to the map as an escaped meta element', async () => {
    const res = await request(withBasemap.app).get('/kaart').expect(200);
    assert.match(
      res.text,
      /<meta name="buurtpeil:basemap" content="https:\/\/tiles\.example\/style\.json\?a=1&amp;b=&quot;x&quot;" \/>/,
    );
  });

  it('compresses large responses for clients that accept gzip', async () => {
    const res = await request(plain.app)
      .get('/api/v1/openapi.json')
      .set('Accept-Encoding', 'gzip')
      .expect(200);
    assert.equal(res.headers['content-encoding'], 'gzip');
  });
});
