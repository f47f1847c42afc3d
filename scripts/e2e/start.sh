#!/usr/bin/env bash
# npm start: try Article Lens in a real VS Code in your browser, with one command.
# Sets up code-server (scripts/e2e/setup.sh, idempotent), packages the extension (or takes the
# .vsix that $ARTICLE_LENS_VSIX names), installs it into .e2e/start, and serves the samples
# folder at http://127.0.0.1:PORT/?folder=… (PORT: $PORT, else 8080 when free, else any free
# port). Stays in the foreground until Ctrl+C, which stops code-server and all its processes.
# $ARTICLE_LENS_FOLDER opens another folder than samples/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
say() { printf '\033[1m[article-lens]\033[0m %s\n' "$*"; }

say "setting up code-server and its Node (once; later starts skip this)"
tools="$(bash scripts/e2e/setup.sh)"
NODE24="$(sed -n 's/^E2E_NODE=//p' <<<"$tools")"
CODE_SERVER="$(sed -n 's/^E2E_CODE_SERVER=//p' <<<"$tools")"

VSIX="${ARTICLE_LENS_VSIX:-}"
if [ -z "$VSIX" ]; then
  say "building and packaging the extension"
  npm run --silent package >/dev/null
  VSIX="$ROOT/article-lens.vsix"
fi
[ -f "$VSIX" ] || { echo "no such .vsix: $VSIX" >&2; exit 1; }

RUN="$ROOT/.e2e/start"
FOLDER="$(cd "${ARTICLE_LENS_FOLDER:-$ROOT/samples}" && pwd)"
mkdir -p "$RUN/user-data/User" "$RUN/xdg/config" "$RUN/xdg/data" "$RUN/xdg/cache"
# A fresh extensions folder each start, so the workbench runs the .vsix just built.
rm -rf "$RUN/extensions"; mkdir -p "$RUN/extensions"
# Settings persist between starts; seeded once.
[ -f "$RUN/user-data/User/settings.json" ] || cat > "$RUN/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true
}
JSON

export PATH="$(dirname "$NODE24"):$PATH"
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" XDG_CACHE_HOME="$RUN/xdg/cache"
free_port() {
  "$NODE24" -e '
    const s = require("net").createServer();
    s.once("error", () => { const t = require("net").createServer(); t.listen(0, "127.0.0.1", () => { console.log(t.address().port); t.close(); }); });
    s.listen(Number(process.argv[1]), "127.0.0.1", () => { console.log(s.address().port); s.close(); });' "$1"
}
PORT="$(free_port "${PORT:-8080}")"
unset PASSWORD HASHED_PASSWORD CODE_SERVER_CONFIG
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/code-server.yaml"
CS=("$NODE24" "$CODE_SERVER" --config "$RUN/code-server.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions")

say "installing $(basename "$VSIX")"
"${CS[@]}" --install-extension "$VSIX" --force >/dev/null

LOG="$RUN/code-server.log"
: > "$LOG"
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override >>"$LOG" 2>&1 &
PID=$!
stop() { trap - INT TERM EXIT; kill -TERM -- "-$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; kill -KILL -- "-$PID" 2>/dev/null || true; }
trap 'echo; say "stopping"; stop; exit 130' INT TERM
trap stop EXIT

# Ready once it says it listens and /healthz answers (bounded: 60 s).
"$NODE24" -e '
  const [log, port] = process.argv.slice(1);
  const fs = require("fs");
  const deadline = Date.now() + 60000;
  (async function check() {
    if (fs.readFileSync(log, "utf8").includes("HTTP server listening")) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) process.exit(0); } catch {}
    }
    if (Date.now() > deadline) { console.error(fs.readFileSync(log, "utf8")); process.exit(1); }
    setTimeout(check, 200);
  })();' "$LOG" "$PORT" || { say "code-server did not start; its log: $LOG"; exit 1; }

URL="http://127.0.0.1:$PORT/?folder=$("$NODE24" -p 'encodeURIComponent(process.argv[1])' "$FOLDER")"
say "Article Lens in VS Code (code-server), open in your browser:"
echo
echo "    $URL"
echo
say "open khazali.article; log: ${LOG#$ROOT/}; Ctrl+C to stop"
wait "$PID"
