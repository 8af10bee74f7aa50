#!/usr/bin/env bash
# Worker Pi budget: the daemon with -Xmx64m crawls the replayed Upbit site every second and uploads
# continuously to a local "HDFS" (Hadoop's local file system) for a while; prints peak RSS (/usr/bin/time -v)
# and records/s, then records/s through the spool and the uploader alone.
#   bench/worker-pi-budget.sh [seconds] [records-for-spool-benchmark]
# Builds worker-node and its sibling modules (tests skipped); everything lives under worker-node/target/bench/.
# Results are recorded in docs/bench/worker.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
SPOOL_RECORDS="${2:-200000}"
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
# One reactor with the modules worker-node depends on (-am; tests compiled, not run): works on a fresh clone with
# nothing installed in ~/.m2, and never picks up a stale installed copy of a sibling module. package builds the
# daemon's jar (worker-node-*-all.jar).
$MVN -pl worker-node -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
JAR=$(ls worker-node/target/worker-node-*-all.jar | head -1)
CP="worker-node/target/test-classes:worker-node/target/classes:$(cat worker-node/target/bench-classpath.txt)"
WORK="$PWD/worker-node/target/bench"
rm -rf "$WORK" && mkdir -p "$WORK/hdfs"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx64m -cp "$CP" org.picu.testkit.replay.ReplayServerMain upbit "$PORT" > "$WORK/replay.log" 2>&1 &
REPLAY=$!
trap 'kill $REPLAY 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q serving "$WORK/replay.log" && break; sleep 0.2; done

cat > "$WORK/worker.yml" <<YML
worker: {id: bench1}
spool: {dir: $WORK/spool, roll-age: PT10S}
hdfs: {uri: "file://$WORK/hdfs"}
fetch: {host-delay: PT0S, host-jitter: PT0S}
upload: {interval: PT2S}
schedules: {upbit: "* * * * * *"}
assignments: {bench1: [upbit]}
sources:
  upbit: {base-url: "http://127.0.0.1:$PORT"}
YML

# The JVM flags of conf/worker/picu-worker.service: 64 MB heap, serial GC, C1 only, small stacks and caches.
PI_JVM_OPTS="-Xmx64m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxMetaspaceSize=48m -XX:ReservedCodeCacheSize=16m -XX:MaxDirectMemorySize=16m"
echo "daemon: $PI_JVM_OPTS, MALLOC_ARENA_MAX=2, upbit every second, $SECONDS_TO_RUN s"
MALLOC_ARENA_MAX=2 /usr/bin/time -v java $PI_JVM_OPTS \
  -Djava.io.tmpdir="$WORK" -jar "$JAR" daemon --duration "PT${SECONDS_TO_RUN}S" --config "$WORK/worker.yml" \
  > "$WORK/daemon.log" 2> "$WORK/daemon.err" || { tail -20 "$WORK/daemon.err"; exit 1; }
RSS_KB=$(grep "Maximum resident set size" "$WORK/daemon.err" | awk '{print $NF}')
SHIPPED=$(find "$WORK/hdfs/raw" -name '*.jsonl' -exec cat {} + | wc -l)
FILES=$(find "$WORK/hdfs/raw" -name '*.jsonl' | wc -l)
echo "daemon: peak RSS $((RSS_KB / 1024)) MB; $SHIPPED records in $FILES files shipped in $SECONDS_TO_RUN s" \
  "($(python3 -c "print(round($SHIPPED/$SECONDS_TO_RUN,1))") records/s, bounded by the 1 s schedule)"

echo "spool and upload alone: $SPOOL_RECORDS records, -Xmx64m"
MALLOC_ARENA_MAX=2 /usr/bin/time -v java $PI_JVM_OPTS -Dlog4j.configuration=file:worker-node/src/test/resources/log4j.properties \
  -Djava.io.tmpdir="$WORK" -cp "$CP" org.picu.worker.bench.SpoolUploadBenchmark "$SPOOL_RECORDS" "$WORK/throughput" \
  2> "$WORK/throughput.err"
echo "spool/upload: peak RSS $(( $(grep "Maximum resident set size" "$WORK/throughput.err" | awk '{print $NF}') / 1024 )) MB"
