#!/usr/bin/env bash
# Real-time benchmark, loopback only and bounded in time (5 to 15 minutes, depending on the machine's load):
#   1. how many websocket clients one node holds (the server runs with -Xmx1g), heap after GC and RSS;
#   2. one event broadcast to 1,000 sockets, 100 times (after 20 unmeasured): latency from the server's emit call to each client.
# The server is the real App (bench/realtime/BenchServer.java over the shaded jar), the clients the stock
# socket.io-client v4 (bench/realtime/load.js). Results go to target/bench-realtime/; copy them to RESULTS.md.
#
#   bench/realtime/run.sh                       # HOLD=18500 LISTEN=1000 EVENTS=100 INTERVAL_MS=100
#   HOLD=5000 bench/realtime/run.sh             # a quicker run
#
# Needs PostgreSQL as provisioned by scripts/provision.sh (the server clones BENCH_TEMPLATE_DB, a migrated
# database such as the test template) and Node 20+. The process's open-file limit caps the sockets it can hold.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh >/dev/null

HOLD=${HOLD:-18500}
HOLD_PROCS=${HOLD_PROCS:-4}
LISTEN=${LISTEN:-1000}
LISTEN_PROCS=${LISTEN_PROCS:-2}
EVENTS=${EVENTS:-100}
INTERVAL_MS=${INTERVAL_MS:-100}
PORT=${BENCH_PORT:-5077}
TEMPLATE=${BENCH_TEMPLATE_DB:-${HD_TEST_TEMPLATE_DB:-hummdesk_test}}
DB=hummdesk_bench_rt
OWNER=postgresql://hummdesk_owner:hummdesk_owner@127.0.0.1:5432
SECRET=bench-only-secret-0123456789abcdef0123456789
OUT=target/bench-realtime
URL=http://127.0.0.1:$PORT
mkdir -p "$OUT"
rm -f "$OUT"/*.log

[ -f target/hummdesk.jar ] || ./mvnw -q -B -DskipTests package
[ -d src/test/node/node_modules/socket.io-client ] || (cd src/test/node && npm ci --no-audit --no-fund)
export NODE_PATH=$PWD/src/test/node/node_modules

psql -q "$OWNER/postgres" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB TEMPLATE $TEMPLATE"

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  sleep 1
  psql -q "$OWNER/postgres" -c "DROP DATABASE IF EXISTS $DB" 2>/dev/null || true
}
trap cleanup EXIT

echo "ulimit -n: $(ulimit -n)   cores: $(nproc)   java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
coproc SERVER {
  exec env HUMMDESK_ENV=test LOG_LEVEL=WARN PORT=$PORT REDIS_URL= JWT_SECRET=$SECRET MIGRATE_ON_START=false \
    DATABASE_URL=postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/$DB DATABASE_MIGRATION_URL=$OWNER/$DB \
    "$JAVA_HOME/bin/java" -Xmx1g -cp target/hummdesk.jar bench/realtime/BenchServer.java 2>"$OUT/server.err"
}
# Reads the server's stdout until a line containing $1 (its own log lines are skipped).
server_line() {
  local line
  while IFS= read -r -t 300 line <&"${SERVER[0]}"; do
    case $line in *"$1"*) echo "$line"; return 0 ;; esac
  done
  echo "server gave no '$1' line" >&2; return 1
}
server_line '"ready"' >/dev/null
echo "server up on $URL"

# Waits until every log file given has a line containing "ready" (or times out after $1 seconds).
await_ready() {
  local limit=$1; shift
  for _ in $(seq "$limit"); do
    local done=1
    for f in "$@"; do grep -q '"ready"' "$f" 2>/dev/null || done=0; done
    [ $done = 1 ] && return 0
    sleep 1
  done
  echo "clients not ready after ${limit}s" >&2; return 1
}

echo "== phase 1: $HOLD websocket clients from $HOLD_PROCS processes"
per=$((HOLD / HOLD_PROCS))
started=$(date +%s)
hold_logs=()
for p in $(seq 1 "$HOLD_PROCS"); do
  hold_logs+=("$OUT/hold-$p.log")
  node bench/realtime/load.js hold "$URL" "$SECRET" "$per" $((p * 100000)) >"$OUT/hold-$p.log" &
  pids+=($!)
done
await_ready 600 "${hold_logs[@]}"
echo "connected in $(( $(date +%s) - started ))s:"; grep -h '"ready"' "$OUT"/hold-*.log
echo "$(date -u +%FT%TZ) stats after phase 1: $(echo stats >&"${SERVER[1]}"; server_line heapUsedAfterGcMb)"

echo "== phase 2: $LISTEN more clients in one account, $EVENTS broadcasts every ${INTERVAL_MS}ms"
listen_logs=()
for p in $(seq 1 "$LISTEN_PROCS"); do
  listen_logs+=("$OUT/listen-$p.log")
  node bench/realtime/load.js listen "$URL" "$SECRET" $((LISTEN / LISTEN_PROCS)) 1 "$OUT/latencies-$p.txt" \
    >"$OUT/listen-$p.log" &
  pids+=($!)
done
await_ready 120 "${listen_logs[@]}"
sleep 5 # let the connects' own events drain
echo "stats with all clients: $(echo stats >&"${SERVER[1]}"; server_line heapUsedAfterGcMb)"
echo broadcast 1 "$EVENTS" "$INTERVAL_MS" >&"${SERVER[1]}"
server_line broadcastDone
for _ in $(seq 60); do
  [ "$(cat "$OUT"/latencies-*.txt 2>/dev/null | wc -l)" -ge $((LISTEN / LISTEN_PROCS * LISTEN_PROCS * EVENTS)) ] && break
  sleep 1
done
grep -h '"summary"' "$OUT"/listen-*.log
echo "all deliveries (ms from the emit call to a client's handler):"
cat "$OUT"/latencies-*.txt | sort -n | awk '{ v[NR] = $1 } END {
  printf "  deliveries=%d p50=%.2f p95=%.2f p99=%.2f max=%.2f\n", NR, v[int(NR*0.50)], v[int(NR*0.95)], v[int(NR*0.99)], v[NR] }'
echo "disconnects while held (last report of each process):"
for f in "$OUT"/hold-*.log; do tail -1 "$f"; done
echo quit >&"${SERVER[1]}" || true
