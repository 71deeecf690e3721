#!/usr/bin/env bash
# The one run command (README): provision what is missing, build the jar when sources changed, load the demo
# account on first run, and start HummDesk on PORT (default 5000).
set -euo pipefail
cd "$(dirname "$0")/.."
HD_PROVISION_CHROMIUM=${HD_PROVISION_CHROMIUM:-0} scripts/provision.sh   # chromium is only for the tests
. scripts/java-home.sh
jar=target/hummdesk.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml frontend/src frontend/index.html frontend/package-lock.json -newer "$jar" -print -quit 2>/dev/null)" ]; then
  echo "Building HummDesk..."
  ./mvnw -B -q --no-transfer-progress -DskipTests package
fi
# The class-data-sharing archive (written on first run) roughly halves startup time.
exec java ${JAVA_OPTS:--Xms256m -Xmx768m} -XX:SharedArchiveFile=target/hummdesk.jsa -XX:+AutoCreateSharedArchive \
  -jar "$jar" serve --seed-demo "$@"
