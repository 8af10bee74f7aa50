#!/usr/bin/env bash
# Worker Pi budget: the daemon, started with the JVM flags of conf/bin/picu-worker (the unit's command) and from the
# jar the unit runs (worker-node-*-all.jar, the deployment class path), crawls the recorded sites of all five built-in
# sources (testkit replay on loopback: upbit every second, the others every 5 s) and uploads continuously to a real
# HDFS: a NameNode and a DataNode (MiniDFSCluster in a JVM of its own, org.picu.worker.bench.BudgetTargets), so the
# whole HDFS client is loaded and used. Prints the daemon's peak RSS (/usr/bin/time -v), what it shipped per source
# and its `status`; then records/s through the spool and the uploader alone (local file system).
#   bench/worker-pi-budget.sh [seconds] [records-for-spool-benchmark]
#   NMT=1 bench/worker-pi-budget.sh ...   also prints the JVM's native memory summary (NMT) near the end of the run
#   EXTRA_JVM_OPTS="..." bench/worker-pi-budget.sh ...   adds flags after the unit's (to try a change)
#   NO_BUILD=1 bench/worker-pi-budget.sh ...   reuses the previous build
#   METRICS=0 bench/worker-pi-budget.sh ...   without the daemon's /metrics endpoint (on by default, as on a Pi:
#     metrics.port set, and scraped every 10 s during the run, three times as often as conf/prometheus does)
# Builds worker-node with the modules it depends on (-am, tests skipped); everything lives under
# worker-node/target/bench/.
# Results are recorded in docs/bench/worker.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${1:-60}"
SPOOL_RECORDS="${2:-200000}"
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
# One reactor build with the modules worker-node depends on (-am; never install): works on a fresh clone with
# nothing installed in ~/.m2 and never picks up a stale installed copy of a sibling module. It gives the agent
# jar, the test classes and the test class path with this tree's model and testkit jars.
# NO_BUILD=1 reuses the previous build.
if [ -z "${NO_BUILD:-}" ]; then
  $MVN -pl testkit,worker-node -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
JAR=$(ls worker-node/target/worker-node-*-all.jar | head -1)
CP="worker-node/target/test-classes:worker-node/target/classes:$(cat worker-node/target/bench-classpath.txt)"
WORK="$PWD/worker-node/target/bench"
rm -rf "$WORK" && mkdir -p "$WORK/targets" "$WORK/hadoop-conf"

# The JVM flags and environment of the command the unit runs (conf/bin/picu-worker), read from it so the benchmark
# measures what a Pi runs.
LAUNCHER=conf/bin/picu-worker
PI_JVM_OPTS=$(sed -n '/^exec /,/-cp/p' "$LAUNCHER" | tr -d '\\\n' | sed -e 's/^exec "[^"]*"//' -e 's/-cp.*//' | xargs)
PI_ENV=$(sed -n 's/^\(MALLOC_ARENA_MAX=[0-9]*\)$/\1/p' "$LAUNCHER" | xargs)
PI_JVM_OPTS="$PI_JVM_OPTS ${EXTRA_JVM_OPTS:-}"
[ -n "${NMT:-}" ] && PI_JVM_OPTS="$PI_JVM_OPTS -XX:NativeMemoryTracking=summary"

java -Xmx512m -XX:+UseSerialGC -Djava.io.tmpdir="$WORK/targets" -Dlog4j.configuration=file:worker-node/src/test/resources/log4j.properties \
  -cp "$CP" org.picu.worker.bench.BudgetTargets "$WORK/targets" > "$WORK/targets.log" 2>&1 &
TARGETS=$!
trap 'kill $TARGETS 2>/dev/null || true; wait $TARGETS 2>/dev/null || true' EXIT
for _ in $(seq 600); do [ -f "$WORK/targets/targets.properties" ] && break; kill -0 $TARGETS 2>/dev/null || break; sleep 0.2; done
[ -f "$WORK/targets/targets.properties" ] || { tail -30 "$WORK/targets.log"; echo "HDFS and the sites did not start"; exit 1; }
target() { sed -n "s/^$1=//p" "$WORK/targets/targets.properties"; }

# The client side of the cluster's site files (conf/hadoop): 64 KiB I/O buffers; one DataNode here, so one replica.
cat > "$WORK/hadoop-conf/core-site.xml" <<XML
<configuration><property><name>io.file.buffer.size</name><value>65536</value></property></configuration>
XML
cat > "$WORK/hadoop-conf/hdfs-site.xml" <<XML
<configuration><property><name>dfs.replication</name><value>1</value></property></configuration>
XML
METRICS_PORT=""
METRICS_YML=""
if [ "${METRICS:-1}" != 0 ]; then
  METRICS_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  METRICS_YML="metrics: {port: $METRICS_PORT, bind: 127.0.0.1}"
fi
cat > "$WORK/worker.yml" <<YML
worker: {id: bench1}
spool: {dir: $WORK/spool, roll-age: PT10S}
hdfs: {uri: "$(target hdfs)", conf-dir: "$WORK/hadoop-conf"}
fetch: {host-delay: PT0S, host-jitter: PT0S}
upload: {interval: PT2S}
schedules:
  upbit: "* * * * * *"
  fear_greed: "*/5 * * * * *"
  coinness: "*/5 * * * * *"
  saveticker: "*/5 * * * * *"
  perplexity: "*/5 * * * * *"
assignments: {bench1: [upbit, fear_greed, coinness, saveticker, perplexity]}
$METRICS_YML
sources:
  upbit: {base-url: "$(target upbit)"}
  fear_greed: {api-url: "$(target fear_greed)/fng/", page-url: "$(target fear_greed)/crypto/fear-and-greed-index/", limit: 3}
  coinness: {api-url: "$(target coinness)/feed/v1/breaking-news"}
  saveticker: {api-url: "$(target saveticker)"}
  perplexity: {page-url: "$(target perplexity)/finance/crypto"}
YML

echo "daemon: $PI_ENV java $PI_JVM_OPTS -jar $(basename "$JAR"); 5 sources, HDFS $(target hdfs), $SECONDS_TO_RUN s"
env $PI_ENV /usr/bin/time -v java $PI_JVM_OPTS \
  -Djava.io.tmpdir="$WORK" -jar "$JAR" daemon --duration "PT${SECONDS_TO_RUN}S" --config "$WORK/worker.yml" \
  > "$WORK/daemon.log" 2> "$WORK/daemon.err" &
TIMER=$!
if [ -n "$METRICS_PORT" ]; then
  # Scrape like Prometheus does, only more often, for the whole run; keep the last answer.
  ( while kill -0 $TIMER 2>/dev/null; do
      curl -sf "http://127.0.0.1:$METRICS_PORT/metrics" -o "$WORK/metrics.tmp" && mv "$WORK/metrics.tmp" "$WORK/metrics.txt"
      sleep 10
    done ) &
  SCRAPER=$!
fi
if [ -n "${NMT:-}" ]; then
  sleep $(( SECONDS_TO_RUN * 9 / 10 ))
  DAEMON=$(pgrep -P $TIMER java || true)
  [ -n "$DAEMON" ] && jcmd "$DAEMON" VM.native_memory summary > "$WORK/nmt.txt" 2>&1 || true
  [ -n "$DAEMON" ] && grep -E "^(Total|-? *(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Native Memory Tracking|Shared class space|Arena Chunk|Metaspace))" "$WORK/nmt.txt" || true
  [ -n "$DAEMON" ] && echo "threads: $(ls /proc/$DAEMON/task | wc -l); RSS now: $(awk '/VmRSS/{print $2/1024 " MB"}' /proc/$DAEMON/status)"
  [ -n "$DAEMON" ] && jcmd "$DAEMON" Thread.print 2>/dev/null | grep '^"' | sed -e 's/^"\([^"]*\)".*/\1/' -e 's/[0-9]\+/N/g' \
    | sort | uniq -c | sort -rn | head -15 > "$WORK/threads.txt" && cat "$WORK/threads.txt"
fi
wait $TIMER || { tail -20 "$WORK/daemon.err"; exit 1; }
RSS_KB=$(grep "Maximum resident set size" "$WORK/daemon.err" | awk '{print $NF}')
echo "daemon: peak RSS $((RSS_KB / 1024)) MB ($([ -n "$METRICS_PORT" ] && echo "metrics endpoint on, scraped every 10 s" || echo "no metrics endpoint"))"
if [ -n "$METRICS_PORT" ]; then
  wait "$SCRAPER" 2>/dev/null || true
  [ -f "$WORK/metrics.txt" ] || { echo "the metrics endpoint never answered"; exit 1; }
  echo "last scrape ($(grep -vc '^#' "$WORK/metrics.txt") samples):"
  grep -E '^(picu_worker_(fetch_requests_total|uploads_total|spool_pending_files|upload_lag_seconds)|process_resident_memory_bytes)' \
    "$WORK/metrics.txt" | sed 's/^/  /'
fi
for source in upbit fear_greed coinness saveticker perplexity; do
  FILES=$(find "$WORK/spool" -name "$source.bench1.*.uploaded" | wc -l)
  LINES=$(find "$WORK/spool" -name "$source.bench1.*.uploaded" -exec cat {} + 2>/dev/null | wc -l)
  echo "  $source: $LINES records in $FILES files shipped to HDFS"
done
java -Xmx64m -jar "$JAR" status --config "$WORK/worker.yml" | sed -n '/^sources/,$p'

echo "spool and upload alone: $SPOOL_RECORDS records, $PI_JVM_OPTS"
env $PI_ENV /usr/bin/time -v java $PI_JVM_OPTS -Dlog4j.configuration=file:worker-node/src/test/resources/log4j.properties \
  -Djava.io.tmpdir="$WORK" -cp "$CP" org.picu.worker.bench.SpoolUploadBenchmark "$SPOOL_RECORDS" "$WORK/throughput" \
  2> "$WORK/throughput.err"
echo "spool/upload: peak RSS $(( $(grep "Maximum resident set size" "$WORK/throughput.err" | awk '{print $NF}') / 1024 )) MB"
