#!/usr/bin/env bash
# API benchmark: wrk -c32 on loopback against four read endpoints over 1 million news and 1 million market rows,
# first with the response cache (the default), then without it (api.cache.enabled: false).
#   bench/tier2-api.sh [seconds-per-endpoint] [http-threads]
# Installs Debian's wrk if missing; compiles tier2-api and its sibling modules; the bundled MariaDB and its data live
# under tier2-api/target/bench-api/ (filled once, ~1-2 min, reused by later runs). Results: docs/bench/tier2-api.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
THREADS="${2:-8}"
OUT=tier2-api/target/bench-api
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
# One reactor with the modules tier2-api depends on (-am; tests compiled, not run): works on a fresh clone with
# nothing installed in ~/.m2, and never picks up a stale installed copy of a sibling module.
$MVN -pl tier2-api -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test
mkdir -p "$OUT"
# A private copy of the classes, so that a build of the module running meanwhile cannot pull them from under us.
rm -rf "$OUT/classes" "$OUT/test-classes"
cp -r tier2-api/target/classes "$OUT/classes"
cp -r tier2-api/target/test-classes "$OUT/test-classes"
CP="$OUT/test-classes:$OUT/classes:$(cat tier2-api/target/bench-classpath.txt)"
# The server runs until its stdin closes: a FIFO held open by this script, closed on exit.
rm -f "$OUT/stdin"; mkfifo "$OUT/stdin"
java -Xmx1g -Dsun.net.httpserver.nodelay=true -Dlog4j.configuration=file:tier2-api/src/test/resources/log4j.properties \
  -cp "$CP" org.picu.tier2.api.ApiBenchmarkServer "$OUT" 0 "$THREADS" < "$OUT/stdin" > "$OUT/server.log" 2>&1 &
SERVER=$!
exec 3>"$OUT/stdin"
trap 'exec 3>&-; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q '^READY' "$OUT/server.log" && break
  kill -0 $SERVER 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 1
done
CACHED=$(sed -n 's/^READY //p' "$OUT/server.log")
UNCACHED=$(sed -n 's/^UNCACHED //p' "$OUT/server.log")
SERVER_PID=$SERVER
grep -E 'filled|already' "$OUT/server.log" || true
echo "$THREADS HTTP threads, pool $THREADS; wrk -t2 -c32 -d${DURATION}s --latency, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# CPU seconds of the server process (API + the embedded MariaDB, its child) from /proc, for CPU per request
cpu_seconds() {
  local total=0 pid
  for pid in $SERVER_PID $(pgrep -P "$SERVER_PID" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
TICK=$(getconf CLK_TCK)
for mode in cached uncached; do
  [ "$mode" = cached ] && BASE=$CACHED || BASE=$UNCACHED
  echo "== $mode ($BASE)"
  for path in /api/news/latest /api/dashboard/summary /api/market/trends /api/candles/BTC; do
    wrk -t2 -c32 -d3s "$BASE$path" >/dev/null   # warm-up: JIT, pool, InnoDB buffer pool
    CPU_BEFORE=$(cpu_seconds)
    RESULT=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$BASE$path")
    CPU=$(( $(cpu_seconds) - CPU_BEFORE ))
    STATUS=$(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "$BASE$path")
    RPS=$(awk '/Requests\/sec/ {print $2}' <<<"$RESULT")
    REQUESTS=$(awk '/requests in/ {print $1}' <<<"$RESULT")
    P50=$(awk '$1=="50%" {print $2}' <<<"$RESULT")
    P99=$(awk '$1=="99%" {print $2}' <<<"$RESULT")
    ERR=$(grep -E 'Non-2xx|Socket errors' <<<"$RESULT" | tr -s ' ' || true)
    US=$(awk -v c="$CPU" -v t="$TICK" -v n="$REQUESTS" 'BEGIN { printf "%.0f", (n > 0 ? c / t * 1e6 / n : 0) }')
    printf '%-24s %10s req/s  p50 %8s  p99 %8s  server CPU %5s us/req  (%s) %s\n' "$path" "$RPS" "$P50" "$P99" \
      "$US" "$STATUS" "$ERR"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
