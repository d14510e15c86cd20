#!/usr/bin/env bash
# Entitlement benchmarks, end to end: build, EntitlementEngineBenchmark (in-process, before the service starts),
# fresh database, service in the background, EntitlementQueryBenchmark (as admin), the same query as embassy-mmr
# on the same data, teardown, one summary.
#
#   bench/run-entitlements.sh [--key=value ...]   extra arguments go to EntitlementQueryBenchmark (see --help)
#
# Environment: see bench/lib/service.sh; BENCH_DB defaults to ledger_bench_entitlements. Also ENGINE_JAVA_OPTS
# (-Xmx1g), ENGINE_ARGS (arguments of EntitlementEngineBenchmark, e.g. "--minCases=400000"), SKIP_ENGINE=1 /
# SKIP_QUERY=1 (run only the other one), WRK_SECONDS (20), EMBASSY_READER (1; 0 skips the embassy-mmr run).
# Results: bench/results/entitlements-<timestamp>.txt, service log bench/results/entitlements-service.log.
set -euo pipefail

ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xmx1g}"

# shellcheck source=lib/service.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/service.sh"
bench_init entitlements ledger_bench_entitlements entitlements-service.log

if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
  refuse_busy_port
fi

# 1. build
build_bench
if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
  require_service_jar
fi

run_header "entitlement benchmarks" | tee "$OUT"

# 2. engine, in-process (before the service starts, so nothing else competes for the CPUs)
engine_rc=0
if [[ "${SKIP_ENGINE:-0}" != 1 ]]; then
  echo "# engine benchmark: $ENGINE_JAVA_OPTS ${ENGINE_ARGS:-}" | tee -a "$OUT"
  set +e
  # shellcheck disable=SC2086  # word splitting of the *_OPTS/*_ARGS variables is intended
  java $ENGINE_JAVA_OPTS -cp "$BENCH_CP" org.mekongledger.bench.EntitlementEngineBenchmark ${ENGINE_ARGS:-} 2>&1 \
    | tee -a "$OUT"
  engine_rc=${PIPESTATUS[0]}
  set -e
  echo | tee -a "$OUT"
fi

query_rc=0
query_line=""
reader_rc=0
reader_line=""
rss=""
if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
  # 3. fresh database, 4. service
  recreate_database
  start_service

  # 5. query benchmark
  echo "# query benchmark: service $SERVICE_JAVA_OPTS, database $JDBC_URL; client $BENCH_JAVA_OPTS" | tee -a "$OUT"
  set +e
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -cp "$BENCH_CP" org.mekongledger.bench.EntitlementQueryBenchmark \
    "--baseUrl=$BASE/api/v1" "$@" 2>&1 | tee -a "$OUT"
  query_rc=${PIPESTATUS[0]}
  set -e
  # || true: with pipefail a run that printed no summary would otherwise end the script here
  query_line="$(grep -a '^summary query: ' "$OUT" | tail -n 1 | sed 's/^summary query: //' || true)"

  # 5b. the same query driven by wrk: a C load generator takes far less of the two cores than 32
  # Java client threads do, so this is closer to what the service itself delivers
  if command -v wrk >/dev/null 2>&1 && ((query_rc == 0)); then
    ids_file="$RESULTS/entitlement-workers.txt"
    "${PSQL[@]}" -d "$BENCH_DB" -Atc "select worker_id from ledger.worker_view" >"$ids_file"
    echo "# wrk: 2 threads, 32 connections, 5 s warm-up then ${WRK_SECONDS:-20} s measured" | tee -a "$OUT"
    WORKER_IDS="$ids_file" BASIC_AUTH="$(printf 'admin:admin' | base64)" AS_OF=2026-01-01 \
      wrk -t2 -c32 -d5s -s "$ROOT/bench/entitlements.lua" "$BASE" >/dev/null 2>&1 || true
    WORKER_IDS="$ids_file" BASIC_AUTH="$(printf 'admin:admin' | base64)" AS_OF=2026-01-01 \
      wrk -t2 -c32 -d"${WRK_SECONDS:-20}"s --latency -s "$ROOT/bench/entitlements.lua" "$BASE" 2>&1 | tee "$RESULTS/wrk.txt" | tee -a "$OUT"
    p99="$(awk '$1 == "99%" { print $2 }' "$RESULTS/wrk.txt")"
    p50="$(awk '$1 == "50%" { print $2 }' "$RESULTS/wrk.txt")"
    rps="$(awk '/^Requests\/sec/ { print $2 }' "$RESULTS/wrk.txt")"
    non2xx="$(awk '/Non-2xx/ { print $5 }' "$RESULTS/wrk.txt")"
    verdict=FAIL
    if [[ "$p99" == *us ]] || { [[ "$p99" == *ms ]] && awk -v v="${p99%ms}" 'BEGIN { exit !(v <= 20) }'; }; then
      verdict=PASS
    fi
    echo "summary wrk: $rps req/s, p50 $p50, p99 $p99, non-2xx ${non2xx:-0}; target p99 <= 20 ms: $verdict" | tee -a "$OUT"
  fi

  # 5c. the same query as an embassy officer (local profile user embassy-mmr) over its nationals, on the
  # data already there: scoping by nationality and a recorded read before every answer, beside the admin figure
  if [[ "${EMBASSY_READER:-1}" == 1 ]] && ((query_rc == 0)); then
    echo "# query benchmark as embassy-mmr (MMR workers), set-up skipped: the data above" | tee -a "$OUT"
    before="$(wc -l <"$OUT")"
    set +e
    # shellcheck disable=SC2086
    java $BENCH_JAVA_OPTS -cp "$BENCH_CP" org.mekongledger.bench.EntitlementQueryBenchmark \
      "--baseUrl=$BASE/api/v1" "$@" --skipSetup=true \
      --readerUser=embassy-mmr --readerPassword=embassy-mmr --readerNationality=MMR 2>&1 | tee -a "$OUT"
    reader_rc=${PIPESTATUS[0]}
    set -e
    reader_line="$(tail -n +"$((before + 1))" "$OUT" | grep -a '^summary query: ' | tail -n 1 \
      | sed 's/^summary query: //' || true)"
  fi

  rss="$(service_rss)"
  RSS_PRINTED=1
  echo "database size $(database_size); service max RSS (VmHWM) ${rss:-unknown}" | tee -a "$OUT"
fi

# 6. one summary
{
  echo
  echo "==================== ENTITLEMENT BENCHMARKS ($STAMP) ===================="
  if [[ "${SKIP_ENGINE:-0}" != 1 ]]; then
    line="$(grep -a '^summary engine: ' "$OUT" | tail -n 1 | sed 's/^summary engine: //' || true)"
    echo "engine (in-process)     ${line:-no result (exit status $engine_rc)}"
  fi
  if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
    echo "query (HTTP)            ${query_line:-no result (exit status $query_rc)}"
    line="$(grep -a '^summary wrk: ' "$OUT" | tail -n 1 | sed 's/^summary wrk: //' || true)"
    if ((query_rc != 0)); then
      echo "query (wrk)             ${line:-not run (the admin query benchmark failed)}"
    else
      echo "query (wrk)             ${line:-not run (wrk missing: apt-get install wrk)}"
    fi
    if [[ "${EMBASSY_READER:-1}" != 1 ]]; then
      echo "query as embassy-mmr    not run (EMBASSY_READER=${EMBASSY_READER})"
    elif ((query_rc != 0)); then
      echo "query as embassy-mmr    not run (the admin query benchmark failed)"
    else
      echo "query as embassy-mmr    ${reader_line:-no result (exit status $reader_rc)}"
    fi
    echo "service max RSS         ${rss:-unknown} ($SERVICE_JAVA_OPTS)"
  fi
  echo "results                 $OUT"
  echo "========================================================================="
} | tee -a "$OUT"

rc=$query_rc
if ((rc == 0)); then
  rc=$reader_rc
fi
if ((rc == 0)); then
  rc=$engine_rc
fi
log "results in $OUT (exit status $rc: engine $engine_rc, query $query_rc, query as embassy-mmr $reader_rc)"
exit "$rc"
