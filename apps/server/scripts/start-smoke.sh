#!/usr/bin/env bash
# Starts the built server (apps/server/dist/main.js) with a given Node binary and no configuration,
# on a fresh embedded database, waits for /healthz, then stops it with SIGTERM and checks that it
# exits cleanly. Usage: apps/server/scripts/start-smoke.sh [/path/to/node] (default: node on PATH).
# Run `pnpm build` (or `pnpm start` once) first. Exits non-zero on any failure.
set -euo pipefail
NODE_BIN="${1:-node}"
cd "$(dirname "$0")/../../.."
[ -f apps/server/dist/main.js ] || { echo "apps/server/dist/main.js missing: run pnpm build first" >&2; exit 1; }
DATA=$(mktemp -d)
LOG="$DATA/server.log"
PORT=$("$NODE_BIN" -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
echo "starting with $("$NODE_BIN" --version) on port $PORT (data in $DATA)"
env -i PATH="$PATH" HOME="$HOME" PORT="$PORT" HOST=127.0.0.1 DATA_DIR="$DATA/db" \
  "$NODE_BIN" apps/server/dist/main.js >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 90); do
  if "$NODE_BIN" -e "fetch('http://127.0.0.1:$PORT/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
    echo "healthz ok"
    grep -q 'is not configured' "$LOG" || { echo "expected 'not configured' log lines" >&2; cat "$LOG" >&2; exit 1; }
    kill -TERM "$PID"
    wait "$PID" && { echo "stopped cleanly"; exit 0; }
    echo "server exited non-zero after SIGTERM" >&2; cat "$LOG" >&2; exit 1
  fi
  kill -0 "$PID" 2>/dev/null || { echo "server died" >&2; cat "$LOG" >&2; exit 1; }
  sleep 1
done
echo "no /healthz after 90 s" >&2
cat "$LOG" >&2
exit 1
