#!/usr/bin/env bash
# Builds what the analytics benchmark runs (alert-service, local-stack, bench) and runs it from the
# repository root; arguments go to the benchmark (e.g. --loans 20000 --months 6 for a quick run).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl alert-service,local-stack,bench -am package -DskipTests
exec java -cp bench/target/bench.jar dev.loanwatch.bench.AnalyticsBench "$@"
