#!/usr/bin/env bash
# Sourced by the other scripts: puts Node 22+ and the repository's yarn on the
# PATH, then installs the dependencies when the lock or a manifest changed.
#
# Backstage needs Node 22 or newer. When the machine's Node is older, Node 22 is
# installed from the npm registry (the `node` package ships a full build with
# its C headers) into the ignored .toolchain/ folder, and npm_config_nodedir
# points node-gyp at those headers so native modules build without a download.

AEGIS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
AEGIS_TOOLCHAIN="$AEGIS_ROOT/.toolchain"

aegis_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

aegis_use_node() {
  if [ "$(aegis_node_major)" -ge 22 ]; then
    return
  fi
  local node_bin="$AEGIS_TOOLCHAIN/node_modules/node/bin/node"
  if ! "$node_bin" --version >/dev/null 2>&1; then
    echo "==> Node $(node --version 2>/dev/null || echo missing) is too old for Backstage: installing Node 22 into .toolchain/"
    mkdir -p "$AEGIS_TOOLCHAIN"
    npm install --prefix "$AEGIS_TOOLCHAIN" --no-save --no-package-lock \
      --no-audit --no-fund --foreground-scripts node@22 >/dev/null
    if ! "$node_bin" --version >/dev/null 2>&1; then
      echo "Installing Node 22 from the npm registry failed" >&2
      return 1
    fi
  fi
  export PATH="$AEGIS_TOOLCHAIN/node_modules/.bin:$PATH"
  local headers
  headers="$(ls -d "$AEGIS_TOOLCHAIN"/node_modules/node/node_modules/node-*/include/node | head -n 1)"
  export npm_config_nodedir="${headers%/include/node}"
}

aegis_use_yarn() {
  local release
  release="$(ls "$AEGIS_ROOT"/.yarn/releases/yarn-*.cjs | tail -n 1)"
  mkdir -p "$AEGIS_TOOLCHAIN/bin"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$release" >"$AEGIS_TOOLCHAIN/bin/yarn"
  chmod +x "$AEGIS_TOOLCHAIN/bin/yarn"
  export PATH="$AEGIS_TOOLCHAIN/bin:$PATH"
}

aegis_install_dependencies() {
  local stamp="$AEGIS_ROOT/node_modules/.aegis-install-stamp"
  local digest
  digest="$(cd "$AEGIS_ROOT" && cat yarn.lock package.json packages/*/package.json plugins/*/package.json | sha256sum | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$digest" ]; then
    return
  fi
  echo "==> Installing dependencies"
  local flags=()
  if [ "${CI:-}" = "true" ]; then
    flags+=(--immutable)
  fi
  (cd "$AEGIS_ROOT" && yarn install "${flags[@]}")
  echo "$digest" >"$stamp"
}

aegis_setup() {
  aegis_use_node && aegis_use_yarn && aegis_install_dependencies
}
