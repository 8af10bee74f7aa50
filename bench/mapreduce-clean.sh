#!/usr/bin/env bash
# Cleaning-job benchmark: records/s and MB/s of clean-market and clean-news on the local job runner.
#   bench/mapreduce-clean.sh [records] [generic options...]
# e.g. bench/mapreduce-clean.sh 1000000 -D mapreduce.local.map.tasks.maximum=2
# BENCH_JAVA_OPTS=-Dbench.jobs=clean-market runs one job; -Dbench.jobs=floor runs the framework floor (FrameworkFloor:
# the same input, splits, slots and reducers with no JSON parsed and no Parquet written), the floor under the jobs' time;
# -Dbench.jobs=floor-news the same on the news corpus with clean-news' shuffle sizes (comma-separate to run several).
# Generates the records (20 % duplicates) under mapreduce-jobs/target/bench/ and runs both jobs there.
# Compiles mapreduce-jobs and the modules it depends on in one reactor (-am; tests compiled, not run), so it works
# on a fresh clone with nothing installed in ~/.m2. Results are recorded in docs/bench/mapreduce.md.
# The local job runner's tasks run in this JVM: BENCH_GC (default -XX:+UseParallelGC) picks its collector;
# BENCH_GC=-XX:+UseG1GC gives the JDK default.
# BENCH_LOG4J=<file> replaces the log4j configuration (e.g. one with org.apache.hadoop.mapred at INFO, for the
# tasks' start and end times; the benchmark prints each job's start and return times on stderr to line them up).
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
# Sibling modules (model) resolve to their target/classes within the reactor, never to a stale ~/.m2 copy.
$MVN -pl mapreduce-jobs -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
# A private copy of the classes, so that a build running meanwhile cannot change them under the benchmark.
SNAP=mapreduce-jobs/target/bench-classes
mkdir -p mapreduce-jobs/target/bench-tmp
for attempt in 1 2 3 4 5; do
  rm -rf "$SNAP" && mkdir -p "$SNAP"
  cp -r mapreduce-jobs/target/classes "$SNAP/main" && cp -r mapreduce-jobs/target/test-classes "$SNAP/test" || true
  n1=$(find "$SNAP/main" -name '*.class' | wc -l); n2=$(find mapreduce-jobs/target/classes -name '*.class' | wc -l)
  [ "$n1" -gt 0 ] && [ "$n1" -eq "$n2" ] && [ -f "$SNAP/main/org/picu/jobs/publish/RunIds.class" ] && break
  echo "classes are being rebuilt, retrying the copy" >&2; sleep 15
done
CP="$SNAP/test:$SNAP/main:$(cat mapreduce-jobs/target/bench-classpath.txt)"
RECORDS="${1:-1000000}"
shift || true
exec java -Xmx2g ${BENCH_GC:--XX:+UseParallelGC} ${BENCH_JAVA_OPTS:-} -Djava.io.tmpdir=mapreduce-jobs/target/bench-tmp \
  -Dlog4j.configuration=file:${BENCH_LOG4J:-mapreduce-jobs/src/test/resources/log4j.properties} \
  -cp "$CP" org.picu.jobs.bench.CleanBenchmark "$RECORDS" mapreduce-jobs/target/bench "$@"
