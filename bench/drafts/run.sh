#!/usr/bin/env bash
# Draft latency (com.hummdesk.bench.DraftBench): the local draft alone on StackFAQ, and ai.draft job -> stored draft
# through the real App against a fresh database cloned from the test template (HD_TEST_TEMPLATE_DB).
#   bench/drafts/run.sh [path to stackfaq, default ../shared/data/stackfaq]
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
./mvnw -q -B -o --no-transfer-progress -Dskip.frontend test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  com.hummdesk.bench.DraftBench "$@"
