#!/usr/bin/env bash
# Measures the local AI provider on the development data (banking77 few-shot categories, tweeteval sentiment,
# ud_langid languages, confidence calibration, classify latency) and prints Markdown for bench/ai/RESULTS.md.
#   scripts/eval-ai.sh [--data DIR] [--shots 5,10,20] [--seed N] [--limit ROWS] [--lingua low|high]
#   scripts/eval-ai.sh --fit-calibration      # refit the confidence calibration (prints Calibration.FITTED)
# The data is read in place (default ../shared/data beside the checkout), never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
[ -f target/hummdesk.jar ] || ./mvnw -B -q -DskipTests package
# 1 GB heap: the same ceiling as the tests, to show the models fit in it.
exec java -Xmx1g ${JAVA_OPTS:-} -jar target/hummdesk.jar eval-ai "$@"
