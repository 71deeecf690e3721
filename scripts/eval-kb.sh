#!/usr/bin/env bash
# Knowledge-base retrieval on stackfaq: loads its 125 FAQ threads as published articles into a new account of the
# configured database (DATABASE_URL, migrated first), asks its 1,249 paraphrased questions through the hybrid
# search and prints recall@1/@3/@5, MRR and search latency as Markdown (BENCHMARKS.md).
#   scripts/eval-kb.sh [--data DIR]
# The data is read in place (default ../shared/data beside the checkout), never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
[ -f target/hummdesk.jar ] || ./mvnw -B -q -DskipTests package
exec java -Xmx1g --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar target/hummdesk.jar eval-kb "$@"
