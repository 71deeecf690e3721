#!/usr/bin/env bash
# Knowledge-base search at scale (issue 6: p99 < 10 ms with 100,000 chunks in one account, 1,000,000 in all).
#   bench/kb/run.sh [--reload] [path to ../shared/data]
# 1. (once, or with --reload) creates database hummdesk_bench_kb (BENCH_DB), migrates it, and loads 100 accounts
#    with 1,000,009 published chunks (account 1: 100,000; 99 others: 9,091) through com.hummdesk.knowledge.KbBenchLoad
#    (real sentences embedded with the app's encoder, vectors = embedding + noise at cosine ~0.9); the three search
#    indexes are dropped before the COPY and built after it, HNSW last (tens of minutes on 2 cores). Load and index
#    builds run niced (the JVM with nice, the PostgreSQL backends reniced).
# 2. measures KnowledgeSearch as the app calls it (app role, RLS) with com.hummdesk.knowledge.KbBench: p50/p99 of
#    DB time and end-to-end for account 1 and a small account, EXPLAIN ANALYZE of both paths, recall of the HNSW
#    path vs exact.
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/java-home.sh
DB=${BENCH_DB:-hummdesk_bench_kb}
DATA=../shared/data
RELOAD=0
for a in "$@"; do case $a in --reload) RELOAD=1 ;; *) DATA=$a ;; esac; done
SU_URL="jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres"
psql_su() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

./mvnw -q -B -o --no-transfer-progress -Dskip.frontend test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test </dev/null
CP="target/classes:target/test-classes:$(cat target/bench.classpath)"

loaded=$(psql_su -d postgres -Atc "select 1 from pg_database where datname = '$DB'" || true)
if [ "$RELOAD" = 1 ] || [ "$loaded" != "1" ]; then
  echo "== loading $DB"
  psql_su -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB owner hummdesk_owner"
  psql_su -d "$DB" -c "create extension if not exists vector" \
    -c "alter function pg_catalog.ts_match_vq(tsvector, tsquery) leakproof"
  # The migrations of these sources (target/classes), not of a possibly older jar.
  DATABASE_URL="postgresql://hummdesk_app:hummdesk_app@127.0.0.1:5432/$DB" java -cp "$CP" com.hummdesk.Main migrate
  psql_su -d "$DB" -c "drop index kb_chunks_embedding_idx, kb_chunks_tsv_idx, kb_chunks_published_idx"
  nice -n 10 java -Xmx2g -cp "$CP" com.hummdesk.knowledge.KbBenchLoad "$SU_URL" "$DATA"
  bench/kb/indexes.sh
fi
exec java -Xmx1g -cp "$CP" com.hummdesk.knowledge.KbBench "jdbc:postgresql://127.0.0.1:5432/$DB" "$DATA"
