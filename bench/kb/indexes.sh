#!/usr/bin/env bash
# Builds kb_chunks' search indexes in hummdesk_bench_kb after the bulk load (the definitions of V19), niced:
# the backend and its parallel workers are reniced once they start. Prints each build's time.
set -euo pipefail
DB=${BENCH_DB:-hummdesk_bench_kb}
psql_su() { psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d "$DB" "$@"; }
build() { # name, statement
  local start; start=$(date +%s)
  psql_su -c "set maintenance_work_mem = '${BENCH_MWM:-6GB}'" -c "set max_parallel_maintenance_workers = 1" \
    -c "set application_name = 'kb-bench-index'" -c "$2" &
  local job=$!
  for _ in 1 2 3 4 5 6; do
    sleep 5; kill -0 $job 2>/dev/null || break
    for pid in $(psql_su -Atc "select pid from pg_stat_activity where application_name = 'kb-bench-index'
                                 or leader_pid in (select pid from pg_stat_activity
                                                   where application_name = 'kb-bench-index')"); do
      renice -n 10 -p "$pid" >/dev/null 2>&1 || true
    done
  done
  wait $job
  echo "$1 built in $(( $(date +%s) - start )) s"
}
build published "create index if not exists kb_chunks_published_idx on kb_chunks (account_id, id) where published"
build gin "create index if not exists kb_chunks_tsv_idx on kb_chunks using gin (search_tsv)"
build hnsw "create index if not exists kb_chunks_embedding_idx on kb_chunks using hnsw (embedding halfvec_cosine_ops)"
psql_su -c "vacuum analyze kb_chunks" -c "vacuum analyze kb_articles"
psql_su -Atc "select relname, pg_size_pretty(pg_relation_size(oid)) from pg_class
              where relname like 'kb_chunks%' order by 1"
