#!/usr/bin/env bash
# Builds what the scoring benchmark runs (scoring-service, local-stack, bench) and runs it from the
# repository root; arguments go to the benchmark (e.g. --seconds 4 --warmup 2 --stream-rows 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl scoring-service,local-stack,bench -am package -DskipTests
exec java -cp bench/target/bench.jar dev.loanwatch.bench.ScoringBench "$@"
