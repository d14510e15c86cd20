#!/usr/bin/env bash
# Entitlement benchmarks, end to end: build, EntitlementEngineBenchmark (in-process, before the service starts),
# fresh database, service in the background, EntitlementQueryBenchmark, teardown, one summary.
#
#   bench/run-entitlements.sh [--key=value ...]   extra arguments go to EntitlementQueryBenchmark (see --help)
#
# Environment: SKIP_BUILD=1 (reuse the built jars), MVN_OFFLINE=1 (mvnw -o), PGHOST/PGPORT/PGUSER/PGPASSWORD
# (default 127.0.0.1:5432 postgres), BENCH_DB (ledger_bench_entitlements), SERVICE_PORT (8080), HEALTH_TIMEOUT
# (120 s), SERVICE_JAVA_OPTS (-Xmx512m), SERVICE_ARGS (extra Spring arguments), BENCH_JAVA_OPTS (-Xmx1g),
# ENGINE_JAVA_OPTS (-Xmx1g), ENGINE_ARGS (arguments of EntitlementEngineBenchmark, e.g. "--minCases=400000"),
# SKIP_ENGINE=1 / SKIP_QUERY=1 (run only the other one), SERVICE_JAR (ledger-service/target/ledger-service.jar).
# Results: bench/results/entitlements-<timestamp>.txt, service log bench/results/entitlements-service.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-ledger_bench_entitlements}"
SERVICE_PORT="${SERVICE_PORT:-8080}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-120}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g}"
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xmx1g}"
MVN=(./mvnw -q -B)
if [[ "${MVN_OFFLINE:-0}" == 1 ]]; then
  MVN+=(-o)
fi

RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$RESULTS/entitlements-$STAMP.txt"
SERVICE_LOG="$RESULTS/entitlements-service.log"
CLASSPATH_FILE="$ROOT/bench/target/bench.classpath"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/ledger-service/target/ledger-service.jar}"
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB?reWriteBatchedInserts=true"
BASE="http://127.0.0.1:$SERVICE_PORT"
HEALTH="$BASE/actuator/health"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -q)

mkdir -p "$RESULTS"
log() { printf '[run-entitlements] %s\n' "$*" >&2; }

SERVICE_PID=""
RSS_PRINTED=0
service_rss() {
  awk '/^VmHWM:/ { printf "%.0f MiB (%s kB)", $2 / 1024, $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    local hwm
    hwm="$(service_rss)"
    if [[ -n "$hwm" && "$RSS_PRINTED" != 1 ]]; then
      if [[ -f "$OUT" ]]; then
        echo "service max RSS (VmHWM) $hwm" | tee -a "$OUT"
      else
        echo "service max RSS (VmHWM) $hwm"
      fi
    fi
    log "stopping service (pid $SERVICE_PID)"
    kill "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do
      kill -0 "$SERVICE_PID" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$SERVICE_PID" 2>/dev/null; then
      log "service still running after 30 s; killing it"
      kill -9 "$SERVICE_PID" 2>/dev/null || true
    fi
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Refuse to measure whatever else already answers on the port.
if [[ "${SKIP_QUERY:-0}" != 1 ]] && curl -fsS --max-time 2 "$HEALTH" >/dev/null 2>&1; then
  log "something already answers on $HEALTH; stop it or set SERVICE_PORT"
  exit 2
fi

# 1. build
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building (mvnw -DskipTests package)"
  "${MVN[@]}" -DskipTests package
fi
if [[ "${SKIP_QUERY:-0}" != 1 && ! -f "$SERVICE_JAR" ]]; then
  log "missing $SERVICE_JAR (build first, or unset SKIP_BUILD)"
  exit 2
fi
# bench depends on ledger-domain: with -am and a lifecycle phase in the same session it resolves to
# ledger-domain/target/classes (without one, Maven would take whatever jar ~/.m2 holds). bench is built last,
# so its classpath is the one left in the file.
"${MVN[@]}" -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
BENCH_CP="$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")"

{
  echo "# entitlement benchmarks $STAMP"
  echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "# host $(nproc) CPUs, $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(java -version 2>&1 | head -n 1)"
} | tee "$OUT"

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
rss=""
if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
  # 3. fresh database
  log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

  # 4. service
  log "starting service on port $SERVICE_PORT (log $SERVICE_LOG)"
  # shellcheck disable=SC2086
  java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR" \
    --spring.profiles.active=local \
    "--spring.datasource.url=$JDBC_URL" \
    "--server.port=$SERVICE_PORT" \
    ${SERVICE_ARGS:-} >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!

  started=$SECONDS
  deadline=$((started + HEALTH_TIMEOUT))
  until curl -fsS --max-time 2 "$HEALTH" 2>/dev/null | grep -Eq '"status" *: *"UP"'; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      log "service exited during start-up; last lines of $SERVICE_LOG:"
      tail -n 40 "$SERVICE_LOG" >&2 || true
      SERVICE_PID=""
      exit 2
    fi
    if ((SECONDS >= deadline)); then
      log "service not UP within ${HEALTH_TIMEOUT} s; last lines of $SERVICE_LOG:"
      tail -n 40 "$SERVICE_LOG" >&2 || true
      exit 2
    fi
    sleep 1
  done
  log "service UP after $((SECONDS - started)) s (pid $SERVICE_PID)"

  # 5. query benchmark
  echo "# query benchmark: service $SERVICE_JAVA_OPTS, database $JDBC_URL; client $BENCH_JAVA_OPTS" | tee -a "$OUT"
  set +e
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -cp "$BENCH_CP" org.mekongledger.bench.EntitlementQueryBenchmark \
    "--baseUrl=$BASE/api/v1" "$@" 2>&1 | tee -a "$OUT"
  query_rc=${PIPESTATUS[0]}
  set -e

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

  rss="$(service_rss)"
  RSS_PRINTED=1
  size="$("${PSQL[@]}" -d "$BENCH_DB" -Atc "select pg_size_pretty(pg_database_size(current_database()))" 2>/dev/null || echo '?')"
  echo "database size $size; service max RSS (VmHWM) ${rss:-unknown}" | tee -a "$OUT"
fi

# 6. one summary
{
  echo
  echo "==================== ENTITLEMENT BENCHMARKS ($STAMP) ===================="
  if [[ "${SKIP_ENGINE:-0}" != 1 ]]; then
    line="$(grep -a '^summary engine: ' "$OUT" | tail -n 1 | sed 's/^summary engine: //')"
    echo "engine (in-process)     ${line:-no result (exit status $engine_rc)}"
  fi
  if [[ "${SKIP_QUERY:-0}" != 1 ]]; then
    line="$(grep -a '^summary query: ' "$OUT" | tail -n 1 | sed 's/^summary query: //')"
    echo "query (HTTP)            ${line:-no result (exit status $query_rc)}"
    line="$(grep -a '^summary wrk: ' "$OUT" | tail -n 1 | sed 's/^summary wrk: //')"
    echo "query (wrk)             ${line:-not run (wrk missing: apt-get install wrk)}"
    echo "service max RSS         ${rss:-unknown} ($SERVICE_JAVA_OPTS)"
  fi
  echo "results                 $OUT"
  echo "========================================================================="
} | tee -a "$OUT"

rc=$query_rc
if ((rc == 0)); then
  rc=$engine_rc
fi
log "results in $OUT (exit status $rc: engine $engine_rc, query $query_rc)"
exit "$rc"
