#!/usr/bin/env bash
# Settlement bench, end to end: build, fresh database, service in the background, N approved claims seeded
# through the API, `settle` (timed), the bank's pain.002 rejecting about 2%, `import-status` (timed),
# `reconcile`, and the raw baseline (the same number of transfers written with Pain001Writer, no database
# or HTTP) measured in the same run; teardown, one summary.
#
#   bench/run-settlement.sh                 100,000 claims
#   CLAIMS=20000 bench/run-settlement.sh    fewer (the summary says how many)
#
# Environment: see bench/lib/service.sh (SKIP_BUILD, MVN_OFFLINE, PG*, SERVICE_*); BENCH_DB defaults to
# ledger_bench_settlement. Also REUSE_SEED (0; 1 keeps the seeded database as a template and clones it next time), CLAIMS (100000), SEED_CLIENTS (16), REJECT_EVERY (50: about 2% rejected), BATCH_JAVA_OPTS
# (-Xmx512m: the batch streams, so its heap need not grow with the run), END_INSURED_STATUS (false: the claim's ground, a permanent departure, is enough), BATCH_JAR,
# SETTLE_ARGS (more arguments for settle, e.g. --settlement.requests-in-flight=1 for an A/B).
# Results: bench/results/settlement-<timestamp>.txt, service log bench/results/settlement-service.log, the batch's
# logs and the run's files under bench/results/settlement-run/.
set -euo pipefail

# The service's heap for this bench: at the production -Xmx512m, filing claims for 50,000 workers ran the
# service out of heap (OutOfMemoryError in POST /claims, 2026-11-30); the bench measures the batch, so the
# service gets room to be seeded. Override with SERVICE_JAVA_OPTS.
SERVICE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xmx2g -XX:+UseParallelGC}"

# shellcheck source=lib/service.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/service.sh"
bench_init settlement ledger_bench_settlement settlement-service.log

CLAIMS="${CLAIMS:-100000}"
SEED_CLIENTS="${SEED_CLIENTS:-16}"
REJECT_EVERY="${REJECT_EVERY:-50}"
BATCH_JAVA_OPTS="${BATCH_JAVA_OPTS:--Xmx512m}"
END_INSURED_STATUS="${END_INSURED_STATUS:-false}"
BATCH_JAR="${BATCH_JAR:-$ROOT/settlement-batch/target/settlement-batch.jar}"
RUN_DIR="$RESULTS/settlement-run"
# the desk's users (the passwords the settlement ITs use; the batch signs in as settlement/settlement)
SERVICE_ARGS="${SERVICE_ARGS:-} $(
  i=0
  for user in fund-admin:FUND_ADMIN claims-officer:CLAIMS_OFFICER approver:APPROVER settlement:SETTLEMENT_OPERATOR auditor:AUDITOR; do
    name="${user%%:*}"; role="${user##*:}"; pw="$name-pw"; [[ "$name" == settlement ]] && pw=settlement
    printf -- '--ledger.security.users[%d].name=%s --ledger.security.users[%d].password={noop}%s --ledger.security.users[%d].roles=%s ' \
      "$i" "$name" "$i" "$pw" "$i" "$role"
    i=$((i + 1))
  done)"

refuse_busy_port

# 1. build: the service and batch jars, and the bench's steps (settlement-batch test classes) with their classpath
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building (mvnw -DskipTests package: ledger-service, settlement-batch)"
  "${MVN[@]}" -DskipTests -pl ledger-service,settlement-batch -am package
fi
"${MVN[@]}" -pl settlement-batch test-compile org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/settlement-batch/target/bench.classpath" >/dev/null
STEPS_CP="$ROOT/settlement-batch/target/test-classes:$ROOT/settlement-batch/target/classes:$(cat "$ROOT/settlement-batch/target/bench.classpath")"
require_service_jar
if [[ ! -f "$BATCH_JAR" ]]; then
  log "missing $BATCH_JAR (build first, or unset SKIP_BUILD)"
  exit 2
fi

run_header "settlement bench ($CLAIMS claims)" | tee "$OUT"

# 2. raw baseline first, while nothing else runs on the CPUs
rm -rf "$RUN_DIR" && mkdir -p "$RUN_DIR/files" "$RUN_DIR/reports"
# shellcheck disable=SC2086
baseline_line="$(java $BATCH_JAVA_OPTS -cp "$STEPS_CP" org.mekongledger.settlement.it.SettlementBench baseline \
  "--transfers=$CLAIMS" "--dir=$RUN_DIR" | tee -a "$OUT" | tee /dev/stderr)"
baseline_rate="$(sed -E 's/.* ([0-9]+) transfers\/s.*/\1/' <<<"$baseline_line")"

RUN_DATE="$(TZ=Asia/Bangkok date +%F)"
SEED_TEMPLATE="${BENCH_DB}_seeded_${CLAIMS}"
seed_exists() {
  [[ "$("${PSQL[@]}" -d postgres -Atc "select count(*) from pg_database where datname = '$SEED_TEMPLATE'")" == 1 ]]
}

# 3. fresh database, 4. service, 5. seeding through the API. With REUSE_SEED=1 the seeded database is kept as
# $SEED_TEMPLATE after the first run and cloned by later ones (seeding 100,000 claims through the API takes
# about half an hour here); only the run date's FX rates are set again. Drop the template after changing the
# events or the schema: a clone of an older seeding measures older data.
if [[ "${REUSE_SEED:-0}" == 1 ]] && seed_exists; then
  log "cloning the seeded database $SEED_TEMPLATE (REUSE_SEED=1)"
  # copied as files, then a checkpoint: the default copy writes the whole database (GBs) through the WAL,
  # and the checkpoints it sets off were still writing it back while settle ran
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" \
    -c "CREATE DATABASE $BENCH_DB TEMPLATE $SEED_TEMPLATE STRATEGY FILE_COPY" -c "CHECKPOINT"
  echo "seeding: reused $SEED_TEMPLATE (seeded $("${PSQL[@]}" -d "$SEED_TEMPLATE" -Atc \
    "select coalesce(shobj_description(oid, 'pg_database'), 'at an unrecorded time') from pg_database where datname = current_database()"))" \
    | tee -a "$OUT"
  start_service
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -cp "$STEPS_CP" org.mekongledger.settlement.it.SettlementBench fx "--port=$SERVICE_PORT" \
    "--run-date=$RUN_DATE" 2>&1 | tee -a "$OUT"
else
  recreate_database
  start_service
  # shellcheck disable=SC2086
  java $BENCH_JAVA_OPTS -cp "$STEPS_CP" org.mekongledger.settlement.it.SettlementBench seed "--port=$SERVICE_PORT" \
    "--claims=$CLAIMS" "--clients=$SEED_CLIENTS" "--run-date=$RUN_DATE" "--end-insured-status=$END_INSURED_STATUS" 2>&1 | tee -a "$OUT"
  if [[ "${REUSE_SEED:-0}" == 1 ]]; then
    log "keeping the seeded database as $SEED_TEMPLATE (REUSE_SEED=1)"
    RSS_PRINTED=1
    halt_service
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $SEED_TEMPLATE" -c "CREATE DATABASE $SEED_TEMPLATE TEMPLATE $BENCH_DB" \
      -c "COMMENT ON DATABASE $SEED_TEMPLATE IS 'at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%FT%TZ)'"
    RSS_PRINTED=0
    start_service
  fi
fi

BATCH_ARGS=("--ledger.url=$BASE" "--spring.datasource.url=$JDBC_URL" "--spring.datasource.username=$PGUSER")
if [[ -n "${PGPASSWORD:-}" ]]; then
  BATCH_ARGS+=("--spring.datasource.password=$PGPASSWORD")
fi

# batch STEP ARGS...: runs the batch under /usr/bin/time -v; sets STEP_SECONDS, STEP_RSS_KB, STEP_RC
batch() {
  local step="$1"
  shift
  local started ended
  started="$(date +%s.%N)"
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$RUN_DIR/$step.time" java $BATCH_JAVA_OPTS -jar "$BATCH_JAR" "$@" "${BATCH_ARGS[@]}" \
    >"$RUN_DIR/$step.log" 2>&1
  STEP_RC=$?
  set -e
  ended="$(date +%s.%N)"
  STEP_SECONDS="$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')"
  STEP_RSS_KB="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$RUN_DIR/$step.time")"
  echo "$step: exit $STEP_RC in $STEP_SECONDS s, max RSS $((STEP_RSS_KB / 1024)) MiB; last lines of $RUN_DIR/$step.log:" | tee -a "$OUT"
  tail -n 8 "$RUN_DIR/$step.log" | sed 's/^/    /' | tee -a "$OUT"
}

# 5b. the seeding's tail: settle is measured on a quiet service, as at night, not while the projections
# still book the seeding's events (their lag is the sum of ledger.projection.lag over the processors)
lag_waited=$SECONDS
while :; do
  lag="$(curl -fsS -u fund-admin:fund-admin-pw "$BASE/actuator/metrics/ledger.projection.lag" 2>/dev/null \
    | grep -oE '"value" *: *[0-9.E+-]+' | head -n 1 | sed -E 's/.*: *//')"
  if [[ -n "$lag" ]] && awk -v l="$lag" 'BEGIN { exit !(l + 0 == 0) }'; then
    break
  fi
  if ((SECONDS - lag_waited > 1800)); then
    log "projections still ${lag:-?} events behind after 30 min; measuring anyway"
    break
  fi
  sleep 5
done
echo "projections caught up with the seeding after $((SECONDS - lag_waited)) s" | tee -a "$OUT"

# 5c. planner statistics, as autovacuum keeps them on a production server. This machine runs PostgreSQL with
# autovacuum off (its CI configuration): the seeded tables would have none, and the planner would guess (for
# each page of the freeze, a sort of every approved claim; JIT compiling of cheap lookups).
analyzed=$SECONDS
"${PSQL[@]}" -d "$BENCH_DB" -c "ANALYZE" -c "CHECKPOINT"
echo "statistics: ANALYZE in $((SECONDS - analyzed)) s (autovacuum is $("${PSQL[@]}" -d postgres -Atc "show autovacuum") here)" \
  | tee -a "$OUT"

# 6. settle
# shellcheck disable=SC2086
batch settle settle "--run-date=$RUN_DATE" "--out=$RUN_DIR/files" ${SETTLE_ARGS:-}
settle_rc=$STEP_RC settle_s=$STEP_SECONDS settle_rss=$STEP_RSS_KB
instructed="$(cat "$RUN_DIR"/files/pain.001.001.09-*.xml 2>/dev/null | grep -o '<EndToEndId>' | wc -l)"
partner="$(($(wc -l <"$RUN_DIR/files/partner-$RUN_DATE.csv" 2>/dev/null || echo 1) - 1))"
echo "files: $(ls "$RUN_DIR/files" | tr '\n' ' ')" | tee -a "$OUT"
echo "instructed: $instructed credit transfers in pain.001, $partner partner payouts" | tee -a "$OUT"
(cd "$RUN_DIR/files" && sha256sum -c --quiet "manifest-$RUN_DATE.sha256") && echo "manifest: sha256sum -c OK" | tee -a "$OUT"

# 7. the bank's answer: the batch's own bank simulator, rejecting every REJECT_EVERY-th transaction (AC04)
n=0
for pain001 in "$RUN_DIR"/files/pain.001.001.09-*.xml; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  java $BATCH_JAVA_OPTS -jar "$BATCH_JAR" simulate-bank "--pain001=$pain001" "--out=$RUN_DIR/reports/pain.002-$n.xml" \
    "--reject-every=$REJECT_EVERY" "--msg-id=BENCHBANK-$n" >"$RUN_DIR/simulate-bank-$n.log" 2>&1
done
rejected="$(cat "$RUN_DIR"/reports/*.xml | grep -o '<TxSts>RJCT</TxSts>' | wc -l)"
echo "bank: $n reports, $rejected transactions rejected (AC04, every ${REJECT_EVERY}th)" | tee -a "$OUT"

# 8. import-status, each report (timed together)
import_s=0 import_rss=0 import_rc=0 n=0
for report in "$RUN_DIR"/reports/*.xml; do
  n=$((n + 1))
  batch "import-$n" import-status "--file=$report"
  import_s="$(awk -v a="$import_s" -v b="$STEP_SECONDS" 'BEGIN { printf "%.2f", a + b }')"
  ((STEP_RSS_KB > import_rss)) && import_rss=$STEP_RSS_KB
  ((STEP_RC != 0)) && import_rc=$STEP_RC
done

# 9. reconcile
batch reconcile reconcile "--run-date=$RUN_DATE"
reconcile_rc=$STEP_RC

# 10. summary
{
  echo
  echo "summary ($CLAIMS claims seeded; $instructed bank transfers + $partner partner payouts; batch $BATCH_JAVA_OPTS)"
  awk -v n="$CLAIMS" -v s="$settle_s" -v rc="$settle_rc" -v rss="$settle_rss" 'BEGIN {
    printf "  settle          %8.2f s  %8.0f claims/s  max RSS %d MiB  exit %d\n", s, n / s, rss / 1024, rc }'
  awk -v n="$instructed" -v s="$import_s" -v rc="$import_rc" -v rss="$import_rss" 'BEGIN {
    printf "  import-status   %8.2f s  %8.0f claims/s  max RSS %d MiB  exit %d (bank transfers only)\n", s, n / s, rss / 1024, rc }'
  echo "  reconcile       exit $reconcile_rc"
  awk -v n="$CLAIMS" -v s="$settle_s" -v b="$baseline_rate" 'BEGIN {
    printf "  raw baseline    %8.0f transfers/s (Pain001Writer alone); settle / baseline = %.3f\n", b, (n / s) / b
    per100k = s * 100000 / n
    printf "  floor: settle of 100,000 at most 60 s: %s (%.1f s measured%s)\n", (per100k <= 60 ? "PASS" : "FAIL"), s,
      (n == 100000 ? "" : sprintf(", %.1f s scaled to 100,000", per100k)) }'
} | tee -a "$OUT"

log "results in $OUT"
((settle_rc == 0 && import_rc == 0 && reconcile_rc == 0))
