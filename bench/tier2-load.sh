#!/usr/bin/env bash
# Loader benchmark: rows/s for N market_ticks rows (default 1 million) into the bundled MariaDB.
#   bench/tier2-load.sh [rows=1000000] [batch-size=20000]
# MariaDB options: JAVA_TOOL_OPTIONS=-Dbench.server-options=--innodb-buffer-pool-size=512M,--innodb-log-file-size=256M
# (default: 1G and 1G, as tier2-api/README.md recommends); BENCH_LOG4J=file to log each phase's time at DEBUG.
# Compiles tier2-api and its sibling modules; everything it writes lives under tier2-api/target/bench/.
# Results are recorded in docs/bench/tier2-load.md.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
# One reactor with the modules tier2-api depends on (-am; tests compiled, not run): works on a fresh clone with
# nothing installed in ~/.m2, and never picks up a stale installed copy of a sibling module.
$MVN -pl tier2-api -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
CP="tier2-api/target/test-classes:tier2-api/target/classes:$(cat tier2-api/target/bench-classpath.txt)"
exec java -Xmx1g -Dlog4j.configuration=file:${BENCH_LOG4J:-tier2-api/src/test/resources/log4j.properties} \
  -cp "$CP" org.picu.tier2.load.LoadBenchmark "${1:-1000000}" "${2:-20000}" tier2-api/target/bench
