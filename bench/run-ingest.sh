#!/usr/bin/env bash
# Ingest benchmark, end to end: build, fresh database, service in the background, IngestBenchmark, teardown.
#
#   bench/run-ingest.sh [--key=value ...]      extra arguments go to IngestBenchmark (see --help)
#
# Environment: SKIP_BUILD=1 (reuse the built jars), MVN_OFFLINE=1 (mvnw -o), PGHOST/PGPORT/PGUSER/PGPASSWORD
# (default 127.0.0.1:5432 postgres), BENCH_DB (ledger_bench), SERVICE_PORT (8080), HEALTH_TIMEOUT (120 s),
# SERVICE_JAVA_OPTS (-Xmx512m), SERVICE_ARGS (extra Spring arguments), BENCH_JAVA_OPTS (-Xmx1g),
# SERVICE_JAR (ledger-service/target/ledger-service.jar).
# Results: bench/results/ingest-<timestamp>.txt, service log bench/results/service.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
BENCH_DB="${BENCH_DB:-ledger_bench}"
SERVICE_PORT="${SERVICE_PORT:-8080}"
HEALTH_TIMEOUT="${HEALTH_TIMEOUT:-120}"
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC}"
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx1g}"
MVN=(./mvnw -q -B)
if [[ "${MVN_OFFLINE:-0}" == 1 ]]; then
  MVN+=(-o)
fi

RESULTS="$ROOT/bench/results"
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$RESULTS/ingest-$STAMP.txt"
SERVICE_LOG="$RESULTS/service.log"
CLASSPATH_FILE="$ROOT/bench/target/bench.classpath"
SERVICE_JAR="${SERVICE_JAR:-$ROOT/ledger-service/target/ledger-service.jar}"
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB?reWriteBatchedInserts=true"
BASE="http://127.0.0.1:$SERVICE_PORT"
HEALTH="$BASE/actuator/health"
export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -q)

mkdir -p "$RESULTS"
log() { printf '[run-ingest] %s\n' "$*" >&2; }

SERVICE_PID=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVICE_PID" ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    local hwm
    hwm="$(awk '/^VmHWM:/ { printf "%.0f MiB (%s kB)", $2 / 1024, $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null || true)"
    if [[ -n "$hwm" ]]; then
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
if curl -fsS --max-time 2 "$HEALTH" >/dev/null 2>&1; then
  log "something already answers on $HEALTH; stop it or set SERVICE_PORT"
  exit 2
fi

# 1. build
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building (mvnw -DskipTests package)"
  "${MVN[@]}" -DskipTests package
elif [[ ! -d "$ROOT/bench/target/classes/org/mekongledger/bench" ]]; then
  log "SKIP_BUILD=1 but the bench classes are missing; compiling the bench module"
  "${MVN[@]}" -pl bench compile
fi
if [[ ! -f "$SERVICE_JAR" ]]; then
  log "missing $SERVICE_JAR (build first, or unset SKIP_BUILD)"
  exit 2
fi
# -am: the reactor puts ledger-domain/target/classes on the path, not a stale jar from ~/.m2
"${MVN[@]}" -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
BENCH_CP="$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")"

# 2. fresh database
log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"

# 3. service
log "starting service on port $SERVICE_PORT (log $SERVICE_LOG)"
# shellcheck disable=SC2086  # word splitting of the *_OPTS/*_ARGS variables is intended
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

# 4. benchmark
{
  echo "# ingest benchmark $STAMP"
  echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "# host $(nproc) CPUs, $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(java -version 2>&1 | head -n 1)"
  echo "# service $SERVICE_JAVA_OPTS, database $JDBC_URL"
} | tee "$OUT"

BENCH_ARGS=("--baseUrl=$BASE/api/v1" "--jdbcUrl=$JDBC_URL" "--jdbcUser=$PGUSER")
if [[ -n "${PGPASSWORD:-}" ]]; then
  BENCH_ARGS+=("--jdbcPassword=$PGPASSWORD")
fi
set +e
# shellcheck disable=SC2086
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
  size="$("${PSQL[@]}" -d "$BENCH_DB" -Atc "select pg_size_pretty(pg_database_size(current_database()))" 2>/dev/null || echo '?')"
  echo "events in store         $events (${events_table:-no domain_event_entry}); database size $size"
} | tee -a "$OUT"

log "results in $OUT (benchmark exit status $rc)"
exit "$rc"
