import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable } from '../../server/http/databaseUnavailable.ts';
import { problemFromError } from '../../server/http/problem.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('database unavailable → 503 (D1)', () => {
  it('recognises a refused connection, a shutdown, a pool wait and a read timeout', () => {
    assert.equal(isDatabaseUnavailable(withCode('ECONNREFUSED')), true);
    assert.equal(
      isDatabaseUnavailable(withCode('57P01', 'terminating connection due to administrator command')),
      true,
    );
    assert.equal(
      isDatabaseUnavailable(withCode('57014', 'canceling statement due to statement timeout')),
      true,
    );
    assert.equal(isDatabaseUnavailable(withCode('08006')), true);
    assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
    assert.equal(isDatabaseUnavailable(new Error('Query read timeout')), true);
    assert.equal(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ECONNRESET') })), true);
    const aggregate = new AggregateError([withCode('ECONNREFUSED')], 'connect');
    assert.equal(isDatabaseUnavailable(aggregate), true);
  });

  it('leaves bugs and constraint errors alone', () => {
    assert.equal(isDatabaseUnavailable(withCode('23505', 'duplicate key')), false);
    assert.equal(isDatabaseUnavailable(withCode('42P01', 'relation does not exist')), false);
    assert.equal(isDatabaseUnavailable(new TypeError('undefined is not a function')), false);
  });

  it('becomes a 503 problem in Dutch', () => {
    const problem = problemFromError(withCode('ECONNREFUSED'), '/api/v1/indicatoren');
    assert.equal(problem.status, 503);
    assert.match(problem.detail ?? '', /tijdelijk niet bereikbaar/);
  });
});
