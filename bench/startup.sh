#!/usr/bin/env bash
# Startup to ready: launches the jar N times against the provisioned database (migrations already applied) and
# measures wall-clock time from process start until GET /health answers 200. Loopback only; bounded.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
runs=${1:-5}
port=${BENCH_PORT:-5099}
[ -f target/hummdesk.jar ] || ./mvnw -B -q -DskipTests package
java -jar target/hummdesk.jar migrate >/dev/null
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  PORT=$port java -Xms256m -Xmx512m ${BENCH_JAVA_OPTS:-} -jar target/hummdesk.jar serve --no-migrate >/tmp/hd-startup.log 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "run $i: $(( (end - start) / 1000000 )) ms to healthy; $(grep -o 'ready in [0-9]* ms ([0-9]* ms since JVM start)' /tmp/hd-startup.log)"
done
