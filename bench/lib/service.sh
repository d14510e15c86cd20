# shellcheck shell=bash
# Shared by run-ingest.sh and run-entitlements.sh: settings, build, a fresh database, the service in the
# background and its teardown. Source it, then call bench_init NAME DEFAULT_DB SERVICE_LOG_FILE.
#
# Environment: SKIP_BUILD=1 (reuse the built jars), MVN_OFFLINE=1 (mvnw -o), PGHOST/PGPORT/PGUSER/PGPASSWORD
# (default 127.0.0.1:5432 postgres), BENCH_DB, SERVICE_PORT (8080), HEALTH_TIMEOUT (120 s), SERVICE_JAVA_OPTS
# (-Xmx512m), SERVICE_ARGS (extra Spring arguments), BENCH_JAVA_OPTS (-Xmx1g), SERVICE_JAR
# (ledger-service/target/ledger-service.jar).

# bench_init NAME DEFAULT_DB SERVICE_LOG_FILE: settings, results file bench/results/NAME-<timestamp>.txt, teardown trap
bench_init() {
  BENCH_NAME="$1"
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  cd "$ROOT"

  PGHOST="${PGHOST:-127.0.0.1}"
  PGPORT="${PGPORT:-5432}"
  PGUSER="${PGUSER:-postgres}"
  BENCH_DB="${BENCH_DB:-$2}"
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
  OUT="$RESULTS/$BENCH_NAME-$STAMP.txt"
  SERVICE_LOG="$RESULTS/$3"
  CLASSPATH_FILE="$ROOT/bench/target/bench.classpath"
  SERVICE_JAR="${SERVICE_JAR:-$ROOT/ledger-service/target/ledger-service.jar}"
  JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB?reWriteBatchedInserts=true"
  BASE="http://127.0.0.1:$SERVICE_PORT"
  HEALTH="$BASE/actuator/health"
  export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
  PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -q)

  mkdir -p "$RESULTS"
  SERVICE_PID=""
  RSS_PRINTED=0   # set to 1 once the caller has reported the RSS itself
  trap stop_service EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

log() { printf '[run-%s] %s\n' "$BENCH_NAME" "$*" >&2; }

# Peak resident set of the service, e.g. "746 MiB (763576 kB)"; empty once it has gone.
service_rss() {
  awk '/^VmHWM:/ { printf "%.0f MiB (%s kB)", $2 / 1024, $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null || true
}

# EXIT trap: the RSS can only be read while the service lives, so report it before stopping it.
stop_service() {
  local rc=$?
  halt_service
  exit "$rc"
}

# Stops the service (reporting its RSS first, unless the caller has) and returns; stop_service also exits.
halt_service() {
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
  SERVICE_PID=""
}

# Refuse to measure whatever else already answers on the port.
refuse_busy_port() {
  if curl -fsS --max-time 2 "$HEALTH" >/dev/null 2>&1; then
    log "something already answers on $HEALTH; stop it or set SERVICE_PORT"
    exit 2
  fi
}

# Builds (unless SKIP_BUILD=1) and sets BENCH_CP. bench depends on ledger-domain: with -am and a lifecycle phase
# in the same session it resolves to ledger-domain/target/classes (without one, Maven would take whatever jar
# ~/.m2 holds). bench is built last, so its classpath is the one left in the file.
build_bench() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building (mvnw -DskipTests package)"
    "${MVN[@]}" -DskipTests package
  fi
  "${MVN[@]}" -pl bench -am compile dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
  BENCH_CP="$ROOT/bench/target/classes:$(cat "$CLASSPATH_FILE")"
}

require_service_jar() {
  if [[ ! -f "$SERVICE_JAR" ]]; then
    log "missing $SERVICE_JAR (build first, or unset SKIP_BUILD)"
    exit 2
  fi
}

# run_header TITLE: the first lines of the results file (printed, for the caller to tee)
run_header() {
  echo "# $1 $STAMP"
  echo "# commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "# host $(nproc) CPUs, $(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(java -version 2>&1 | head -n 1)"
}

recreate_database() {
  log "recreating database $BENCH_DB on $PGHOST:$PGPORT"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
}

database_size() {
  "${PSQL[@]}" -d "$BENCH_DB" -Atc "select pg_size_pretty(pg_database_size(current_database()))" 2>/dev/null \
    || echo '?'
}

# Starts the service on $BENCH_DB in the background (SERVICE_PID) and waits until its health is UP.
start_service() {
  log "starting service on port $SERVICE_PORT (log $SERVICE_LOG)"
  # shellcheck disable=SC2086  # word splitting of the *_OPTS/*_ARGS variables is intended
  java $SERVICE_JAVA_OPTS -jar "$SERVICE_JAR" \
    --spring.profiles.active=local \
    "--spring.datasource.url=$JDBC_URL" \
    "--server.port=$SERVICE_PORT" \
    ${SERVICE_ARGS:-} >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!

  local started=$SECONDS
  local deadline=$((started + HEALTH_TIMEOUT))
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
}
