#!/usr/bin/env bash
# Builds what the tagging benchmark runs (tagging-service, local-stack, bench) and runs it from the
# repository root; arguments go to the benchmark (e.g. --seconds 5 --warmup 3 --borrowers 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl tagging-service,local-stack,bench -am package -DskipTests
exec java -cp bench/target/bench.jar dev.loanwatch.bench.TaggingBench "$@"
