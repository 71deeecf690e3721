#!/usr/bin/env bash
# The one test command (README, CI): provision PostgreSQL + pgvector + Redis, then build and run every check:
# formatting (Spotless), static analysis (Error Prone), architecture rules (ArchUnit), unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/provision.sh
. scripts/java-home.sh
exec ./mvnw -B --no-transfer-progress verify "$@"
