#!/usr/bin/env bash
# The one run command (README): provision what is missing, build the jar when sources changed, load the demo
# account on first run, and start HummDesk on PORT (default 5000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/provision.sh
. scripts/java-home.sh
jar=target/hummdesk.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building HummDesk..."
  ./mvnw -B -q --no-transfer-progress -DskipTests package
fi
exec java ${JAVA_OPTS:--Xms256m -Xmx512m} --enable-native-access=ALL-UNNAMED -jar "$jar" serve --seed-demo "$@"
