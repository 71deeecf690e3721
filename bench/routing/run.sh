#!/usr/bin/env bash
# Routing decisions for an account of 200 agents (com.hummdesk.bench.RoutingBench): latency of one route() at a
# time (target p99 < 5 ms), then decisions per second with 16 threads under each lock scope (ACCOUNT, AGENT).
# Runs against a fresh database cloned from the test template (HD_TEST_TEMPLATE_DB, default hummdesk_test;
# provisioned by scripts/provision.sh) and drops it afterwards. Prints Markdown; copy it to bench/routing/RESULTS.md
# with the machine's description (printed first).
#   bench/routing/run.sh [agents=200] [history=200000] [decisions=3000] [threads=16]
# The single-thread phase warms up (rounds of 1,000 decisions) until the JIT is nearly idle, then times.
# ROUTING_BENCH_ROUTE_ONLY=1 skips the read-only decision before each timed one (to profile route() alone);
# ROUTING_BENCH_KEEP_DB=1 keeps the database (rename it, or the next test run drops it: FactsReadBench uses one).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
./mvnw -q -B --no-transfer-progress test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
echo "Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"\
  "$(free -g | awk '/Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1),"\
  "$(psql --version 2>/dev/null || echo 'PostgreSQL ?'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%F)"
echo
exec java -Xms512m -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.hummdesk.bench.RoutingBench "$@"
