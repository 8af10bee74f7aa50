#!/usr/bin/env bash
# API benchmark: wrk -c32 on loopback against four read endpoints over 1 million news and 1 million market rows,
# first with the response cache (the default), then without it (api.cache.enabled: false).
#   [WARMUP=20] bench/tier2-api.sh [seconds-per-endpoint] [http-threads] [--baseline CHECKOUT]
# Every endpoint of every server is first warmed up for WARMUP seconds (JIT), then each is measured.
# With --baseline, CHECKOUT is another checkout of this repository (e.g. `git worktree add /tmp/api-base <commit>`),
# compiled here like this tree: both builds serve at the same time, each over its own copy
# of the same database, and every endpoint is measured on the baseline and on this tree one after the other
# (interleaved, so that the neighbours' load falls on both alike); one table shows the two side by side.
# Installs Debian's wrk if missing; compiles tier2-api and its sibling modules; the bundled MariaDB and its data live
# under tier2-api/target/bench-api/ (filled once, ~1-4 min, reused by later runs). Results: docs/bench/tier2-api.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=15
THREADS=8
BASELINE=""
POSITIONAL=()
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) BASELINE="$(cd "$2" && pwd)"; shift 2 ;;
    *) POSITIONAL+=("$1"); shift ;;
  esac
done
[ ${#POSITIONAL[@]} -ge 1 ] && DURATION="${POSITIONAL[0]}"
[ ${#POSITIONAL[@]} -ge 2 ] && THREADS="${POSITIONAL[1]}"
OUT="$PWD/tier2-api/target/bench-api"
MVN="./mvnw -B -q ${MVN_OFFLINE:--o}"
if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk
fi
mkdir -p "$OUT"

# prepare NAME TREE: a private copy of TREE's tier2-api classes (a build running meanwhile cannot pull them from
# under us) and its test class path, in $OUT/NAME
prepare() {
  local name=$1 tree=$2
  # One reactor with the modules tier2-api depends on (-am; tests compiled, not run): works on a fresh clone with
  # nothing installed in ~/.m2, and never picks up a stale installed copy of a sibling module.
  (cd "$tree" && $MVN -pl tier2-api -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
  mkdir -p "$OUT/$name"
  rm -rf "$OUT/$name/classes" "$OUT/$name/test-classes"
  cp -r "$tree/tier2-api/target/classes" "$OUT/$name/classes"
  cp -r "$tree/tier2-api/target/test-classes" "$OUT/$name/test-classes"
  echo "$OUT/$name/test-classes:$OUT/$name/classes:$(cat "$tree/tier2-api/target/bench-classpath.txt")" > "$OUT/$name/cp"
}

PIDS=()
cleanup() {
  local fd
  for fd in 3 4; do eval "exec $fd>&-" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

# start NAME DATA-DIR FD: the benchmark server of build NAME over the database in DATA-DIR; it runs until the FIFO
# held open on file descriptor FD closes. Sets BASE_CACHED / BASE_UNCACHED / SERVER_PID.
start() {
  local name=$1 dir=$2 fd=$3
  rm -f "$dir/stdin"; mkfifo "$dir/stdin"
  java -Xmx1g -Dsun.net.httpserver.nodelay=true -Dlog4j.configuration=file:tier2-api/src/test/resources/log4j.properties \
    -cp "$(cat "$OUT/$name/cp")" org.picu.tier2.api.ApiBenchmarkServer "$dir" 0 "$THREADS" < "$dir/stdin" \
    > "$dir/server.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  eval "exec $fd>\"$dir/stdin\""
  for _ in $(seq 1 600); do
    grep -q '^READY' "$dir/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
    sleep 1
  done
  BASE_CACHED=$(sed -n 's/^READY //p' "$dir/server.log")
  BASE_UNCACHED=$(sed -n 's/^UNCACHED //p' "$dir/server.log")
  grep -E 'filled|already' "$dir/server.log" || true
}

# CPU seconds (in ticks) of a server process (API + the embedded MariaDB, its child) from /proc
cpu_ticks() {
  local total=0 pid
  for pid in $1 $(pgrep -P "$1" || true); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
TICK=$(getconf CLK_TCK)

PATHS="/api/news/latest /api/dashboard/summary /api/market/trends /api/candles/BTC"
WARMUP=${WARMUP:-20}
# warm_up BASE...: before anything is measured, every endpoint of every server gets WARMUP seconds of the same load
# (both of a server's ports: cached and uncached), so that no build is measured while its JIT still compiles the
# request path; a server runs for days, its compiled steady state is what users get
warm_up() {
  local base path
  for base in "$@"; do
    for path in $PATHS; do
      wrk -t2 -c32 -d"${WARMUP}s" "$base$path" >/dev/null
    done
  done
}

# measure LABEL URL PID: a 3 s warm-up, then wrk; prints one line
measure() {
  local label=$1 url=$2 pid=$3 before result cpu status rps requests p50 p99 err us
  wrk -t2 -c32 -d3s "$url" >/dev/null   # warm-up: JIT, pool, InnoDB buffer pool
  before=$(cpu_ticks "$pid")
  result=$(wrk -t2 -c32 -d"${DURATION}s" --latency "$url")
  cpu=$(( $(cpu_ticks "$pid") - before ))
  status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}B' "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$result")
  requests=$(awk '/requests in/ {print $1}' <<<"$result")
  p50=$(awk '$1=="50%" {print $2}' <<<"$result")
  p99=$(awk '$1=="99%" {print $2}' <<<"$result")
  err=$(grep -E 'Non-2xx|Socket errors' <<<"$result" | tr -s ' ' || true)
  us=$(awk -v c="$cpu" -v t="$TICK" -v n="$requests" 'BEGIN { printf "%.0f", (n > 0 ? c / t * 1e6 / n : 0) }')
  printf '%-9s %-24s %10s req/s  p50 %8s  p99 %8s  server CPU %5s us/req  (%s) %s\n' "$label" "${url#http://*/}" \
    "$rps" "$p50" "$p99" "$us" "$status" "$err"
}

prepare current .
if [ -z "$BASELINE" ]; then
  start current "$OUT" 3
  echo "$THREADS HTTP threads, pool $THREADS; wrk -t2 -c32 -d${DURATION}s --latency after ${WARMUP}s warm-up per endpoint, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  CACHED=$BASE_CACHED UNCACHED=$BASE_UNCACHED PID=$SERVER_PID
  warm_up "$CACHED" "$UNCACHED"
  for mode in cached uncached; do
    [ "$mode" = cached ] && BASE=$CACHED || BASE=$UNCACHED
    echo "== $mode ($BASE)"
    for path in $PATHS; do
      measure current "$BASE$path" "$PID"
    done
  done
else
  prepare baseline "$BASELINE"
  # one filled database (the current build fills it if needed), copied for each server
  if [ ! -d "$OUT/mariadb" ]; then
    start current "$OUT" 3
    exec 3>&-; wait "$SERVER_PID" || true
  fi
  for name in baseline current; do
    if [ ! -d "$OUT/$name/mariadb" ]; then
      cp -a "$OUT/mariadb" "$OUT/$name/mariadb"
      [ -d "$OUT/binaries" ] && cp -a "$OUT/binaries" "$OUT/$name/binaries"
    fi
  done
  start baseline "$OUT/baseline" 3
  B_CACHED=$BASE_CACHED B_UNCACHED=$BASE_UNCACHED B_PID=$SERVER_PID
  start current "$OUT/current" 4
  C_CACHED=$BASE_CACHED C_UNCACHED=$BASE_UNCACHED C_PID=$SERVER_PID
  warm_up "$B_CACHED" "$C_CACHED" "$B_UNCACHED" "$C_UNCACHED"
  echo "baseline: $BASELINE ($(git -C "$BASELINE" rev-parse --short HEAD)), current: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- tier2-api || echo '+changes')"
  echo "$THREADS HTTP threads, pool $THREADS; wrk -t2 -c32 -d${DURATION}s --latency after ${WARMUP}s warm-up per endpoint, $(nproc) cores, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  for mode in cached uncached; do
    echo "== $mode"
    for path in $PATHS; do
      if [ "$mode" = cached ]; then
        measure baseline "$B_CACHED$path" "$B_PID"; measure current "$C_CACHED$path" "$C_PID"
      else
        measure baseline "$B_UNCACHED$path" "$B_PID"; measure current "$C_UNCACHED$path" "$C_PID"
      fi
    done
  done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
