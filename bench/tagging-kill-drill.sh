#!/usr/bin/env bash
# kill -9 drill for tagging-service. A simulated book's borrowers go into ingestion-service (one
# NDJSON import) and from there, as loanbook.borrowers events, into tagging-service, which is killed
# with SIGKILL twice while it works and restarted each time. Afterwards every borrower must be
# labelled, and tagging.borrower-tags must hold exactly one event per borrower (nothing changes a
# borrower's labels in this drill, so a second event would be a duplicate), with no dead letters.
# Needs the jars built (./mvnw -q -pl local-stack,ingestion-service,tagging-service,simulator,bench -am package -DskipTests).
# BORROWERS (default 20000), DRILL_DATA (default .local/drill), KAFKA_PORT / PGPORT_EMBEDDED as for local-stack.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${BORROWERS:-20000}
DATA=${DRILL_DATA:-.local/drill}
INGESTION_PORT=${INGESTION_PORT:-18081}
TAGGING_PORT=${TAGGING_PORT:-18082}
rm -rf "$DATA"
mkdir -p "$DATA"
pids=()
cleanup() {
  trap - EXIT INT TERM
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; wait "${pids[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

java -jar local-stack/target/local-stack.jar start --data "$DATA" --databases ingestion,tagging >/dev/null 2>"$DATA/stack.log" &
pids+=($!)
for _ in $(seq 1 240); do [ -s "$DATA/stack.env" ] && break; sleep 0.5; done
set -a; . "$DATA/stack.env"; set +a

start() { # NAME PORT LOG
  HTTP_PORT=$2 LOG_JSON=false CLOSE_SCHEDULED=false java -jar "$1/target/quarkus-app/quarkus-run.jar" >>"$3" 2>&1 &
  last=$!
  for _ in $(seq 1 240); do
    [ "$(grep -c 'Listening on' "$3" 2>/dev/null)" -ge "$4" ] && return 0
    sleep 0.5
  done
  echo "$1 did not start" >&2; exit 1
}
labelled() { curl -sf "localhost:$TAGGING_PORT/mix" | python3 -c 'import json,sys; print(json.load(sys.stdin)["borrowers"])' 2>/dev/null || echo 0; }

start ingestion-service "$INGESTION_PORT" "$DATA/ingestion.log" 1; pids+=($last)
start tagging-service "$TAGGING_PORT" "$DATA/tagging.log" 1; tagging=$last
java -jar simulator/target/simulator.jar --borrowers "$N" --months 1 --seed 11 --out "$DATA/book" >/dev/null
total=$(wc -l <"$DATA/book/borrowers.ndjson")
echo "== importing $total borrowers into ingestion; tagging labels them from loanbook.borrowers"
curl -sf -X POST "localhost:$INGESTION_PORT/imports/borrowers" -H 'Content-Type: application/x-ndjson' \
  --data-binary @"$DATA/book/borrowers.ndjson" >/dev/null
started=$(date +%s)
for round in 1 2; do
  target=$((total * round / 3))
  until [ "$(labelled)" -ge "$target" ]; do sleep 0.2; done
  echo "== $(labelled) of $total labelled: kill -9 tagging-service"
  kill -9 "$tagging"; wait "$tagging" 2>/dev/null || true
  start tagging-service "$TAGGING_PORT" "$DATA/tagging.log" $((round + 1)); tagging=$last
done
pids+=($tagging)
until [ "$(labelled)" -ge "$total" ]; do sleep 0.5; [ $(($(date +%s) - started)) -gt 600 ] && { echo "timeout" >&2; exit 1; }; done
echo "== all $(labelled) labelled after $(($(date +%s) - started)) s; waiting for the outbox to drain"
until [ "$(curl -sf "localhost:$TAGGING_PORT/q/metrics" | awk '/^loanwatch_outbox_backlog/ {print $2}')" = "0.0" ]; do sleep 0.5; done
echo "== tagging.borrower-tags:   $(java -cp bench/target/bench.jar dev.loanwatch.bench.TopicCount "$KAFKA_BOOTSTRAP_SERVERS" tagging.borrower-tags)"
echo "== tagging.dead-letter:     $(java -cp bench/target/bench.jar dev.loanwatch.bench.TopicCount "$KAFKA_BOOTSTRAP_SERVERS" tagging.dead-letter)"
echo "   expected: records=$total keys=$total keys-with-more-than-one=0, and no dead letters"
