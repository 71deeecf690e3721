#!/usr/bin/env bash
# Customer message -> stored classification / stored draft with the local provider (issue 4: p50 < 150 ms; issue 6:
# message -> ai:draft p50 < 300 ms), through a running HummDesk:
#   bench/ai/run.sh [messages, default 200] [path to ../shared/data]
# Creates a fresh database hummdesk_bench_ai, starts the jar (HUMMDESK_ENV=development: models preloaded in the
# background, job worker running classify and draft jobs; single node, no Redis) with --seed-demo, waits until
# healthy and the models are loaded, then runs com.hummdesk.bench.AiPipelineBench: the owner publishes StackFAQ's 125
# threads as articles through /api/kb/articles, a contact starts conversations through
# /api/public/inboxes/demo-api-inbox/conversations, and each message is timed from before its POST to the first
# poll (1 ms) that sees its ai_classifications row, then its ai_drafts row.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
N=${1:-200}
DATA=${2:-../shared/data}
DB=hummdesk_bench_ai
PORT=${BENCH_PORT:-5098}
psql_su() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

# The app under test is the jar: (re)built when missing or older than the sources.
if [ ! -f target/hummdesk.jar ] || [ -n "$(find src/main -newer target/hummdesk.jar -print -quit)" ]; then
  ./mvnw -B -q -o -Dskip.frontend -DskipTests package </dev/null
fi
./mvnw -q -B -o --no-transfer-progress -Dskip.frontend test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test </dev/null
psql_su -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB owner hummdesk_owner"
psql_su -d "$DB" -c "create extension if not exists vector" \
  -c "alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof"

HUMMDESK_ENV=development REDIS_URL= PORT=$PORT \
  DATABASE_URL="postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/$DB" \
  java -Xms256m -Xmx768m -jar target/hummdesk.jar serve --seed-demo >/tmp/hd-bench-ai-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break; sleep 0.2; done
# The models load in the background after start: wait for the log line that says they are loaded.
for _ in $(seq 300); do grep -q "AI models loaded" /tmp/hd-bench-ai-server.log && break; sleep 1; done
grep -o '"AI models loaded[^"]*"' /tmp/hd-bench-ai-server.log || true
curl -fs "http://127.0.0.1:$PORT/health"; echo
java -Xmx256m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" com.hummdesk.bench.AiPipelineBench \
  "http://127.0.0.1:$PORT" "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" "$DATA" "$N"
echo "server: RSS $(ps -o rss= -p $server | awk '{printf "%.0f MB", $1/1024}')"
