#!/usr/bin/env bash
# Ingest benchmark, end to end: build, fresh database, service in the background, IngestBenchmark, teardown.
#
#   bench/run-ingest.sh [--key=value ...]      extra arguments go to IngestBenchmark (see --help)
#
# Environment: see bench/lib/service.sh; BENCH_DB defaults to ledger_bench.
# Results: bench/results/ingest-<timestamp>.txt, service log bench/results/service.log.
set -euo pipefail

# shellcheck source=lib/service.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/service.sh"
bench_init ingest ledger_bench service.log

refuse_busy_port

# 1. build
build_bench
require_service_jar

# 2. fresh database, 3. service
recreate_database
start_service

# 4. benchmark
{
  run_header "ingest benchmark"
  echo "# service $SERVICE_JAVA_OPTS, database $JDBC_URL"
} | tee "$OUT"

BENCH_ARGS=("--baseUrl=$BASE/api/v1" "--jdbcUrl=$JDBC_URL" "--jdbcUser=$PGUSER")
if [[ -n "${PGPASSWORD:-}" ]]; then
  BENCH_ARGS+=("--jdbcPassword=$PGPASSWORD")
fi
set +e
# shellcheck disable=SC2086  # word splitting of BENCH_JAVA_OPTS is intended
java $BENCH_JAVA_OPTS -cp "$BENCH_CP" org.mekongledger.bench.IngestBenchmark "${BENCH_ARGS[@]}" "$@" 2>&1 | tee -a "$OUT"
rc=${PIPESTATUS[0]}
set -e

# 5. what the service stored (informative; never fails the run)
{
  # the service keeps its tables in a schema of its own (ledger.db.schema): find the event table wherever it is
  events_table="$("${PSQL[@]}" -d "$BENCH_DB" -Atc "select quote_ident(table_schema) || '.domain_event_entry'
      from information_schema.tables where table_name = 'domain_event_entry' limit 1" 2>/dev/null || true)"
  events='?'
  if [[ -n "$events_table" ]]; then
    events="$("${PSQL[@]}" -d "$BENCH_DB" -Atc "select count(*) from $events_table" 2>/dev/null || echo '?')"
  fi
  echo "events in store         $events (${events_table:-no domain_event_entry}); database size $(database_size)"
} | tee -a "$OUT"

log "results in $OUT (benchmark exit status $rc)"
exit "$rc"
