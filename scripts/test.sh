#!/usr/bin/env bash
# Runs every check of the project, as CI does: type-check, lint, prettier,
# unit and integration tests on SQLite and PostgreSQL, and the browser smoke
# test in headless Chromium. Installs Node 22 and the dependencies first when
# needed. Ends with the line `N passed, N failed`.
#
# Under CI (CI=true) a PostgreSQL or Chromium that cannot be had is a failure;
# elsewhere the PostgreSQL half is skipped and the summary says so.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
aegis_setup || exit 1
cd "$AEGIS_ROOT"

export AEGIS_SHARED_DATA="${AEGIS_SHARED_DATA:-$(cd "$AEGIS_ROOT/.." && pwd)/shared/data}"
results_dir="$AEGIS_ROOT/test-results"
mkdir -p "$results_dir"

passed=0
failed=0
notes=()

step() {
  local name="$1"
  shift
  echo "==> $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    notes+=("FAILED: $name")
  fi
}

# --- PostgreSQL -------------------------------------------------------------
pg_url="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432 >/dev/null 2>&1; }
ensure_postgres() {
  if ! command -v pg_isready >/dev/null 2>&1 && [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL is missing: installing it with apt"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null
  fi
  pg_ready && return 0
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "PostgreSQL is down: starting it"
    for version in $(ls /etc/postgresql 2>/dev/null); do
      pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true
    done
    for _ in $(seq 1 30); do pg_ready && return 0; sleep 1; done
  fi
  return 1
}
if ensure_postgres; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$pg_url"
  postgres_note="tests ran on SQLite and PostgreSQL"
elif [ "${CI:-}" = "true" ]; then
  failed=$((failed + 1))
  notes+=("FAILED: PostgreSQL on 127.0.0.1:5432 did not answer")
  postgres_note="PostgreSQL unavailable"
else
  unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
  postgres_note="PostgreSQL did not answer on 127.0.0.1:5432: the PostgreSQL half of the database tests was SKIPPED"
fi

# --- Chromium ---------------------------------------------------------------
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  echo "Chromium is missing: installing Debian's package with apt"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1
  [ -x /usr/bin/chromium ]
}

# --- Checks -----------------------------------------------------------------
step "type-check" yarn tsc
step "lint" yarn backstage-cli repo lint
step "prettier" yarn prettier --check .

jest_report="$results_dir/jest.json"
# CI=true makes the Backstage CLI run every test, not only those of changed files.
step "unit and integration tests" env CI=true \
  yarn backstage-cli repo test --ci --json --outputFile="$jest_report"
if [ -f "$jest_report" ]; then
  read -r jest_passed jest_failed < <(node -e '
    const r = require(process.argv[1]);
    console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites);
  ' "$jest_report")
  passed=$((passed + jest_passed))
  failed=$((failed + jest_failed))
fi

if ensure_chromium; then
  step "browser smoke test" node scripts/browser-smoke.mjs
else
  failed=$((failed + 1))
  notes+=("FAILED: Debian's chromium could not be installed for the browser test")
fi

echo
for note in "${notes[@]}"; do echo "$note"; done
echo "Databases: $postgres_note"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
