#!/usr/bin/env bash
# Demo time to a full dashboard and peak memory: starts ./picu-demo on a fresh data directory (the tree must be
# built; the script's up-to-date check is part of the measured time), and measures from the command to the moment
# every dashboard panel's API answers with data: 10 symbols with prices, 48+ hourly BTC candles, the Fear & Greed
# index with history, Korean and English news with sentiment, insights, alerts, and every dataset loaded.
# Then reports the peak RSS (VmHWM) of the demo's JVM and of its MariaDB server, and stops the demo.
#   bench/demo-ready.sh [runs]      (default 1; results in docs/benchmarks.md)
# Check the machine's load first (uptime): the numbers are only comparable on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-1}"
TIMEOUT="${DEMO_READY_TIMEOUT:-600}"
WORK="$PWD/demo/target/bench-demo"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"

full_dashboard() {
  python3 - "$BASE" "$@" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
def get(path):
    with urllib.request.urlopen(base + path, timeout=5) as r:
        return json.load(r)
try:
    summary = get("/api/dashboard/summary")
    candles = get("/api/candles/BTC?timeframe=1h&limit=168")["candles"]
    fg = get("/api/fear-greed?days=30")
    news = get("/api/news/latest?limit=50")["news"]
    insights = get("/api/insights/recent?limit=10")["insights"]
    alerts = get("/api/alerts")["alerts"]
    datasets = get("/api/pipeline/status")["datasets"]
except Exception:
    sys.exit(1)
checks = {
    "10 symbols": len(summary["market"]) >= 10,
    "48 BTC candles": len(candles) >= 48,
    "Fear & Greed with history": bool(fg["latest"]) and len(fg["history"]) > 1,
    "Korean and English news": {"ko", "en"} <= {n.get("language") for n in news},
    "news scored": bool(news) and all(n.get("sentiment") for n in news if n.get("published_at")),
    "insights": bool(insights),
    "alerts": bool(alerts),
    "every dataset loaded": bool(datasets) and all(d.get("last_loaded") for d in datasets),
}
missing = [name for name, ok in checks.items() if not ok]
if missing and len(sys.argv) > 2:
    print("  not yet: " + ", ".join(missing))
sys.exit(1 if missing else 0)
PY
}

for run in $(seq "$RUNS"); do
  rm -rf "$WORK" && mkdir -p "$WORK"
  echo "load before run $run: $(uptime | sed 's/.*load average/load average/')"
  START=$(date +%s.%N)
  setsid ./picu-demo --port "$PORT" --data-dir "$WORK" > "$WORK/demo.log" 2>&1 &
  DEMO=$!
  trap 'kill -- -$DEMO 2>/dev/null || true' EXIT
  until full_dashboard; do
    if ! kill -0 $DEMO 2>/dev/null; then echo "the demo stopped; see $WORK/demo.log"; exit 1; fi
    if (( $(echo "$(date +%s.%N) - $START > $TIMEOUT" | bc) )); then
      echo "no full dashboard after $TIMEOUT s; see $WORK/demo.log"; full_dashboard verbose || true; exit 1
    fi
    sleep 0.5
  done
  END=$(date +%s.%N)
  JAVA=$(pgrep -f "org.picu.demo.LocalDemo.*$WORK" | head -1)
  MARIADB=$(pgrep -f "mariadbd.*$WORK" | head -1 || true)
  hwm() { awk '/VmHWM/ {printf "%d MB", $2/1024}' "/proc/$1/status"; }
  # user + system CPU seconds of a process and its waited-for children (fields 14-17 of /proc/<pid>/stat)
  cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f s", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"; }
  printf 'run %d: full dashboard %.1f s after the command; %s\n' "$run" "$(echo "$END - $START" | bc)" \
    "$(grep -m1 'PICU demo ready' "$WORK/demo.log")"
  echo "  peak RSS: demo JVM $(hwm "$JAVA"), MariaDB ${MARIADB:+$(hwm "$MARIADB")}; CPU so far: demo JVM $(cpu "$JAVA"), MariaDB ${MARIADB:+$(cpu "$MARIADB")}"
  echo "  load after run $run: $(uptime | sed 's/.*load average/load average/')"
  kill -- -$DEMO 2>/dev/null || true
  wait $DEMO 2>/dev/null || true
  trap - EXIT
done
