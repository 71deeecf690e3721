#!/usr/bin/env bash
# GET /api/conversations under load, side by side with pgbench running the same SQL statements the endpoint issues.
# Loads 1,000,000 conversations and 5,000,000 messages over 50 accounts into database hummdesk_bench (once; pass
# --reload to rebuild), starts HummDesk on it with an explicit heap, then measures in one run:
#   1. wrk, 16 connections, on the endpoint (account 1's first page, newest first, 25 rows), then
#   2. pgbench, 16 clients, the endpoint's statements (scope + list) in one transaction; 1-2 BENCH_ROUNDS times
#   3. wrk, 1 connection: single-client latency (p50/p99)
# Loopback only, bounded in time. Results are printed; copy them to BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
DB=hummdesk_bench
PORT=${BENCH_PORT:-5097}
DURATION=${BENCH_DURATION:-20s}
# The heap must hold the local AI models (~310 MB live) with room to spare: at 512 MB the old generation filled
# and full collections of 300-450 ms every ~2 s halved the rate (2026-11-28). 768 MB and G1 as scripts/run.sh.
HEAP=${BENCH_HEAP:-768m}
GC=${BENCH_GC:--XX:+UseG1GC}
ROUNDS=${BENCH_ROUNDS:-3}
# Extra JVM options for the server, e.g. BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/hd.jfr
JAVA_EXTRA=${BENCH_JAVA_OPTS:-}
# Prefix of the result files (several worktrees may benchmark at once)
OUT=${BENCH_OUT:-/tmp/hd-bench}
for tool in wrk pgbench; do
  command -v $tool >/dev/null || { echo "$tool is needed: apt-get install ${tool/pgbench/postgresql-contrib}" >&2; exit 1; }
done
psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@" 2>/dev/null || psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

[ -f target/hummdesk.jar ] || ./mvnw -B -q -DskipTests package
loaded=$(psql_su -d postgres -Atc "select 1 from pg_database where datname = '$DB'" || true)
if [ "${1:-}" = "--reload" ] || [ "$loaded" != "1" ]; then
  echo "Loading $DB (1M conversations, 5M messages)..."
  psql_su -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB owner hummdesk_owner"
  psql_su -d "$DB" -c "create extension if not exists vector" \
    -c "alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof"
  DATABASE_URL="postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/$DB" java -jar target/hummdesk.jar migrate
  hash=$(java -cp target/hummdesk.jar bench/conversations/PasswordHash.java bench-password)
  start=$(date +%s)
  psql_su -d "$DB" -v hash="$hash" -f bench/conversations/load.sql
  echo "Loaded in $(( $(date +%s) - start )) s"
fi

DATABASE_URL="postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/$DB" PORT=$PORT \
  java -Xms$HEAP -Xmx$HEAP $GC $JAVA_EXTRA -jar target/hummdesk.jar serve --no-migrate >$OUT-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
# The local AI models load in the background after startup (seconds of CPU, ~300 MB of heap and long young
# collections); measuring before they are in place measured the loading. Wait for them (at most a minute).
for _ in $(seq 600); do grep -q "AI models loaded\|Could not load the AI models" $OUT-server.log && break; sleep 0.1; done
token=$(curl -fs "http://127.0.0.1:$PORT/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"email":"agent1@bench1.test","password":"bench-password"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
url="http://127.0.0.1:$PORT/api/conversations"
curl -fs -H "Authorization: Bearer $token" "$url" | head -c 300 || true; echo

java -cp target/hummdesk.jar bench/conversations/ListSql.java 1 1 > $OUT-list.sql
echo "== warm-up"; wrk -t2 -c16 -d${BENCH_WARMUP:-15s} -H "Authorization: Bearer $token" "$url" >/dev/null
# The ratio is taken ROUNDS times, endpoint then pgbench back to back, and the median reported: on a shared
# 2-core machine one pair swings by +-0.05.
ratios=()
for round in $(seq "$ROUNDS"); do
  echo "== round $round: endpoint, 16 connections"
  wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url" | tee $OUT-wrk16.txt
  echo "== round $round: pgbench, same statements, 16 clients"
  PGPASSWORD=hummdesk_app pgbench -n -M prepared -c16 -j2 -T"${DURATION%s}" -h 127.0.0.1 -U hummdesk_app \
    -f $OUT-list.sql "$DB" | tee $OUT-pgbench.txt
  rps=$(awk '/Requests\/sec/ {print $2}' $OUT-wrk16.txt)
  tps=$(awk '/^tps/ {print $3}' $OUT-pgbench.txt)
  ratios+=("$(awk -v a="$rps" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')")
  echo "== round $round: $rps req/s vs $tps tps, ratio ${ratios[-1]}"
done
echo "== endpoint, 1 connection"; wrk -t1 -c1 -d"$DURATION" --latency -H "Authorization: Bearer $token" "$url" | tee $OUT-wrk1.txt
echo "== pgbench, same statements, 1 client"
PGPASSWORD=hummdesk_app pgbench -n -M prepared -c1 -j1 -T"${DURATION%s}" -r -h 127.0.0.1 -U hummdesk_app \
  -f $OUT-list.sql "$DB" | tee $OUT-pgbench1.txt
echo "== ratio endpoint/pgbench at 16, per round: ${ratios[*]}; median $(printf '%s\n' "${ratios[@]}" | sort -n \
  | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}')"
echo "== server memory after load: RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
jcmd $server GC.heap_info 2>/dev/null | grep -E "total|used" | head -4 || true
