#!/usr/bin/env bash
# Builds what the benchmark runs (ingestion-service, local-stack, bench) and runs it from the
# repository root; arguments go to the benchmark (e.g. --payments 20000 --kafka 20000 --loans 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl ingestion-service,local-stack,bench -am package -DskipTests
exec java -jar bench/target/bench.jar "$@"
