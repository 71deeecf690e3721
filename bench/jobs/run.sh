#!/usr/bin/env bash
# Jobs per second through the PostgreSQL job queue (com.hummdesk.bench.JobQueueBench), against a fresh database
# cloned from the test template (HD_TEST_TEMPLATE_DB, default hummdesk_test; provisioned by scripts/provision.sh).
#   bench/jobs/run.sh [jobs=50000] [batch=500] [concurrency=8] [pool=16]
# Job settings (JOB_POLL_INTERVAL_MS, JOB_LEASE_SECONDS, ...) come from the environment as in production.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
./mvnw -q -B --no-transfer-progress test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.hummdesk.bench.JobQueueBench "$@"
