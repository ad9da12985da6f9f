#!/usr/bin/env bash
# Starts the development portal: frontend on :3000, backend on :7007, data in
# data/ (SQLite files), demo users and services from examples/. Installs Node 22
# and the dependencies first when needed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
aegis_setup

mkdir -p "$AEGIS_ROOT/data/sqlite"

# The read-only automation token of app-config.yaml; generated once per
# checkout for development, set it yourself anywhere else.
if [ -z "${AEGIS_AUTOMATION_TOKEN:-}" ]; then
  token_file="$AEGIS_ROOT/data/automation-token"
  if [ ! -s "$token_file" ]; then
    node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))' >"$token_file"
  fi
  AEGIS_AUTOMATION_TOKEN="$(cat "$token_file")"
  export AEGIS_AUTOMATION_TOKEN
fi

# The ATT&CK bundle the development portal syncs: a real one when you name
# it (for example a MITRE enterprise-attack .json or .json.gz), else the small
# offline fixture.
export AEGIS_ATTACK_BUNDLE="${AEGIS_ATTACK_BUNDLE:-$AEGIS_ROOT/plugins/aegis-backend/src/attack/__fixtures__/attack-19-mini.json}"

cd "$AEGIS_ROOT"
exec yarn start "$@"
