#!/usr/bin/env bash
# Runs a main class of the system-proof module (the system proof, the cycle benchmark) the way both bench
# scripts do: builds the modules it needs (package, tests skipped; nothing is installed into ~/.m2), then starts the
# class with the proof's class path and job jar. Logs go to system-proof/target/<log-name>-logs/.
#   bench/lib/proof-jvm.sh <main-class> <log-name> [arguments of the class...]
set -euo pipefail
cd "$(dirname "$0")/../.."
MAIN=$1
LOG_NAME=$2
shift 2
./mvnw -B -q ${MVN_OFFLINE:--o} -DskipTests -pl system-proof -am package
VERSION=0.1.0-SNAPSHOT
mkdir -p system-proof/target/proof-tmp
exec java -Xmx512m -Djava.io.tmpdir=system-proof/target/proof-tmp \
  -Dlog4j.configuration=picu-log4j.properties -Dpicu.log.name="$LOG_NAME" \
  -Dpicu.log.dir="system-proof/target/$LOG_NAME-logs" \
  -cp "system-proof/target/classes:$(cat system-proof/target/proof-classpath.txt)" "$MAIN" \
  --job-jar "mapreduce-jobs/target/dist/mapreduce-jobs-$VERSION.jar" \
  --classpath-file system-proof/target/proof-classpath.txt --classes-dir system-proof/target/classes "$@"
