#!/usr/bin/env bash
# The whole test suite: types, format and lint, the client build, then every test file
# (unit, API, browser) with Node's test runner. DATABASE_URL set → the API tests run on that
# PostgreSQL server (each test file in a throw-away database); unset → on embedded PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-test-system-packages.sh
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== format + lint"; npx biome check .
echo "== client build"; npm run --silent build:client > /dev/null
echo "== tests on $([ -n "${DATABASE_URL:-}" ] && echo "PostgreSQL" || echo "embedded PGlite")"
# test/faults/ runs on its own (npm run test:faults): it starts and stops PostgreSQL instances.
mapfile -t files < <(find test -path test/faults -prune -o -name '*.test.ts' -print | sort)
tap="$(mktemp)"
status=0
node --import tsx --test --test-concurrency=2 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  "${files[@]}" || status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
rm -f "$tap"
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
