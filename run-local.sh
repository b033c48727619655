#!/usr/bin/env bash
# Starts the local system — Kafka, PostgreSQL and every service — loads a simulated loan book
# into it business day by business day (with the daily closes) and prints what the book looks
# like. Needs only a JDK (17+) and access to Maven Central. Ctrl-C stops everything.
# Options: --no-wait (stop after loading), --skip-build, --keep (keep the previous state and
# load nothing), --check (exit 1 when the system's report differs from the simulator's truth, or when
# a console page fails its checks in a real browser — chromium, see .ci/install-browser: CI runs it
# so, on a small book). Each run otherwise starts from an empty book in $LOANWATCH_DATA (default .local/run).
# The book: SIM_ARGS (default: 1500 borrowers, 12 months from 2023-09, the epidemic scenario).
# Ports: HTTP_PORT (ingestion-service, 8081), TAGGING_PORT (tagging-service, REST and gRPC, 8082),
# ALERT_PORT (alert-service, 8083), SCORING_PORT (scoring-service, REST and gRPC, 8084), CONSOLE_PORT (the console, 8090).
# Once the book is in, it waits (up to TAG_WAIT seconds, default 600) until tagging-service has
# labelled every borrower and prints how its industries compare with the simulator's truth; then
# (up to ANALYTICS_WAIT seconds, default 600) until alert-service has counted every month end, and
# prints the system's own report of the book — read from alert-service's API — checked figure by
# figure against the simulator's truth.
set -euo pipefail
cd "$(dirname "$0")"

wait_after=1
build=1
keep=0
check=0
for arg in "$@"; do
  case "$arg" in
    --check) check=1 ;;
    --no-wait) wait_after=0 ;;
    --skip-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

DATA=${LOANWATCH_DATA:-.local/run}
BOOK=$DATA/book
if [ $keep -eq 0 ]; then rm -rf "$DATA"; fi
mkdir -p "$DATA"
if [ $build -eq 1 ]; then
  echo "== Building (first time: a few minutes of downloads)"
  ./mvnw -q -B install -DskipTests -pl local-stack,ingestion-service,tagging-service,alert-service,scoring-service,console,console-check,simulator -am
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "== Stopping"
  # newest first, each to its end: the services stop before the Kafka and PostgreSQL they use
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

echo "== Starting Kafka and PostgreSQL (logs: $DATA/stack.log)"
rm -f "$DATA/stack.env"
java -jar local-stack/target/local-stack.jar start --data "$DATA" --databases ingestion,tagging,alert,scoring >/dev/null 2>"$DATA/stack.log" &
pids+=($!)
for _ in $(seq 1 240); do
  [ -s "$DATA/stack.env" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$DATA/stack.log" >&2; exit 1; }
  sleep 0.5
done
set -a; . "$DATA/stack.env"; set +a

# start_service NAME PORT [VAR=value...]: runs NAME's jar on PORT with the stack's environment,
# logging to $DATA/NAME.log; its pid joins those Ctrl-C stops.
start_service() {
  local name=$1 port=$2
  shift 2
  echo "== Starting $name on :$port (log: $DATA/$name.log)"
  env HTTP_PORT="$port" LOG_JSON=false "$@" \
    java -jar "$name/target/quarkus-app/quarkus-run.jar" >"$DATA/$name.log" 2>&1 &
  pids+=($!)
}

# await_listening NAME PID: waits until the service logs that it listens; stops the run if it dies.
await_listening() {
  for _ in $(seq 1 240); do
    grep -q "Listening on" "$DATA/$1.log" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { tail -50 "$DATA/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 did not start within 120 s (log: $DATA/$1.log)" >&2
  exit 1
}

HTTP_PORT=${HTTP_PORT:-8081}
TAGGING_PORT=${TAGGING_PORT:-8082}
ALERT_PORT=${ALERT_PORT:-8083}
SCORING_PORT=${SCORING_PORT:-8084}
CONSOLE_PORT=${CONSOLE_PORT:-8090}
start_service ingestion-service "$HTTP_PORT" CLOSE_SCHEDULED=false
ingestion_pid=${pids[-1]}
# tagging-service labels the borrowers as ingestion publishes them (loanbook.borrowers)
start_service tagging-service "$TAGGING_PORT"
tagging_pid=${pids[-1]}
# alert-service keeps the portfolio read model from the loan book's and tagging's topics
start_service alert-service "$ALERT_PORT"
alert_pid=${pids[-1]}
# scoring-service: the model registry and scores (a model is uploaded and activated through its API;
# scores for every loan of the book come with its loan-score events)
start_service scoring-service "$SCORING_PORT"
scoring_pid=${pids[-1]}
# the console: pages over the services' APIs
start_service console "$CONSOLE_PORT" ALERT_URL="http://127.0.0.1:$ALERT_PORT"
console_pid=${pids[-1]}
await_listening ingestion-service $ingestion_pid
await_listening tagging-service $tagging_pid
await_listening alert-service $alert_pid
await_listening scoring-service $scoring_pid
await_listening console $console_pid
SIM_BOOK=${SIM_ARGS:---borrowers 1500 --months 12 --start 2023-09 --scenario epidemic --seed 7}

if [ $keep -eq 0 ]; then
  echo "== Loading a simulated book day by day (simulator → batch imports → daily closes)"
  echo "   (the simulator's own calculation of it goes to $BOOK/report.txt; the system's report follows)"
  # shellcheck disable=SC2086
  java -Xmx2g -jar simulator/target/simulator.jar $SIM_BOOK --out "$BOOK" --drive "http://127.0.0.1:$HTTP_PORT" >/dev/null
fi

if [ -s "$BOOK/borrowers-truth.csv" ]; then
  echo
  echo "== Tagging: waiting until every borrower is labelled, then its industries against the truth"
  java -jar simulator/target/simulator.jar --tag-report "http://127.0.0.1:$TAGGING_PORT" --out "$BOOK" \
    --await "${TAG_WAIT:-600}" || echo "(the tag report failed; tagging-service's log: $DATA/tagging-service.log)" >&2
fi

echo
echo "== The system's report: alert-service's analytics, checked against the simulator's truth"
# shellcheck disable=SC2086
java -Xmx1g -jar simulator/target/simulator.jar $SIM_BOOK --out "$BOOK" --analytics-report "http://127.0.0.1:$ALERT_PORT" \
  --await "${ANALYTICS_WAIT:-600}" || {
  echo "(the system's report differs from the truth or did not come; alert-service's log: $DATA/alert-service.log)" >&2
  if [ $check -eq 1 ]; then exit 1; fi
}

if [ $check -eq 1 ]; then
  echo
  echo "== The console in a real browser: every page, its charts against the API, filters, drill-down (screenshots: $DATA/screenshots)"
  java -jar console-check/target/console-check.jar --console "http://127.0.0.1:$CONSOLE_PORT" \
    --api "http://127.0.0.1:$ALERT_PORT" --screenshots "$DATA/screenshots" 2>"$DATA/console-check.log" || {
    echo "(a console check failed; the browser's log: $DATA/console-check.log)" >&2
    exit 1
  }
fi

echo
echo "ingestion-service: http://127.0.0.1:$HTTP_PORT/q/swagger-ui"
echo "tagging-service:   http://127.0.0.1:$TAGGING_PORT/q/swagger-ui (gRPC on the same port)"
echo "alert-service:     http://127.0.0.1:$ALERT_PORT/q/swagger-ui (analytics: /analytics/*, reports: /reports)"
echo "scoring-service:   http://127.0.0.1:$SCORING_PORT/q/swagger-ui (models: /models, scores: /scores; gRPC on the same port)"
echo "console:           http://127.0.0.1:$CONSOLE_PORT/overview"
if [ $wait_after -eq 1 ]; then
  echo "The system keeps running — Ctrl-C stops it."
  wait
fi
