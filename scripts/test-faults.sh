#!/usr/bin/env bash
# The fault tests (test/faults/*.test.ts): real app processes against a PostgreSQL instance of
# their own (initdb into a temp folder with /usr/lib/postgresql/15/bin, on a free loopback port;
# never the system server), which they stop, freeze and restart. One file at a time: they
# measure memory and time. Each file prints its figures. See test/faults/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x "${PG_BIN:-/usr/lib/postgresql/15/bin}/initdb" ]; then
  echo "initdb ontbreekt in ${PG_BIN:-/usr/lib/postgresql/15/bin}: installeer postgresql-15 (apt-get install postgresql-15)" >&2
  exit 1
fi
mapfile -t files < <(find test/faults -maxdepth 1 -name '*.test.ts' | sort)
tap="$(mktemp)"
status=0
node --import tsx --test --test-concurrency=1 --test-timeout=240000 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  "${files[@]}" || status=$?
passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -1)
failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -1)
rm -f "$tap"
echo "fault tests: ${passed:-0} passed, ${failed:-0} failed"
exit "$status"
