#!/usr/bin/env bash
# Starts the local system — Kafka, PostgreSQL and every service — loads a simulated loan book
# into it business day by business day (with the daily closes) and prints what the book looks
# like. Needs only a JDK (17+) and access to Maven Central. Ctrl-C stops everything.
# Options: --no-wait (stop after loading), --skip-build, --keep (keep the previous state and
# load nothing). Each run otherwise starts from an empty book in $LOANWATCH_DATA (default .local/run).
# The book: SIM_ARGS (default: 1500 borrowers, 12 months from 2023-09, the epidemic scenario).
set -euo pipefail
cd "$(dirname "$0")"

wait_after=1
build=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-wait) wait_after=0 ;;
    --skip-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

DATA=${LOANWATCH_DATA:-.local/run}
if [ $keep -eq 0 ]; then rm -rf "$DATA"; fi
mkdir -p "$DATA"
if [ $build -eq 1 ]; then
  echo "== Building (first time: a few minutes of downloads)"
  ./mvnw -q -B install -DskipTests -pl local-stack,ingestion-service,simulator -am
fi

pids=()
cleanup() {
  trap - EXIT INT TERM
  echo "== Stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

echo "== Starting Kafka and PostgreSQL (logs: $DATA/stack.log)"
rm -f "$DATA/stack.env"
java -jar local-stack/target/local-stack.jar start --data "$DATA" --databases ingestion >/dev/null 2>"$DATA/stack.log" &
pids+=($!)
for _ in $(seq 1 240); do
  [ -s "$DATA/stack.env" ] && break
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$DATA/stack.log" >&2; exit 1; }
  sleep 0.5
done
set -a; . "$DATA/stack.env"; set +a

HTTP_PORT=${HTTP_PORT:-8081}
echo "== Starting ingestion-service on :$HTTP_PORT (log: $DATA/ingestion-service.log)"
HTTP_PORT=$HTTP_PORT CLOSE_SCHEDULED=false LOG_JSON=false \
  java -jar ingestion-service/target/quarkus-app/quarkus-run.jar >"$DATA/ingestion-service.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 240); do
  grep -q "Listening on" "$DATA/ingestion-service.log" 2>/dev/null && break
  kill -0 "${pids[1]}" 2>/dev/null || { tail -50 "$DATA/ingestion-service.log" >&2; exit 1; }
  sleep 0.5
done

if [ $keep -eq 0 ]; then
  echo "== Loading a simulated book day by day (simulator → batch imports → daily closes); report follows"
  # shellcheck disable=SC2086
  java -Xmx2g -jar simulator/target/simulator.jar ${SIM_ARGS:---borrowers 1500 --months 12 --start 2023-09 --scenario epidemic --seed 7} \
    --out "$DATA/book" --drive "http://127.0.0.1:$HTTP_PORT"
fi

if [ $wait_after -eq 1 ]; then
  echo
  echo "The system keeps running: http://127.0.0.1:$HTTP_PORT/q/swagger-ui — Ctrl-C stops it."
  wait
fi
