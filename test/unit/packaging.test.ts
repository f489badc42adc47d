// D18: build tools are not runtime dependencies; the production start needs none of them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));

test('vite, @vitejs/plugin-react, tsx and typescript are devDependencies only', () => {
  for (const name of ['vite', '@vitejs/plugin-react', 'tsx', 'typescript']) {
    assert.equal(pkg.dependencies[name], undefined, name);
    assert.ok(pkg.devDependencies[name], name);
  }
});

test('start:prod runs the compiled server with plain node; npm start builds first', () => {
  assert.equal(pkg.scripts['start:prod'], 'node dist/app/server/main.js');
  assert.doesNotMatch(pkg.scripts['start:prod'], /tsx|vite|tsc/);
  assert.match(pkg.scripts.start, /npm run build/);
});
