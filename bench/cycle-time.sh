#!/usr/bin/env bash
# Orchestrator cycle time at realistic volumes (docs/benchmarks.md, "Cycles and freshness with the shipped defaults"): starts NameNode,
# DataNode, ResourceManager and NodeManager as separate JVMs on this machine (the system proof's pseudo-distributed
# cluster, the Pi profile's container sizes), writes a day and a half of raw files at each volume as the shipped workers
# ship them, runs the orchestrator daemon as its unit does (256 MB heap, the shipped master.yml with cycles every 10 s),
# and prints the time of the cycles that bring all seven datasets up to date after new crawl runs, idle cycles, the
# orchestrator's peak RSS and CPU seconds, and the same cycle with every job on YARN for comparison.
#   bench/cycle-time.sh [--records 10000,100000] [--steady-cycles 3] [--no-compare-yarn] [--orchestrator-heap 256m]
# Builds the modules it needs (package, tests skipped; nothing is installed into ~/.m2); everything it writes lives
# under system-proof/target/cycle-time/ (report.txt, logs/).
set -euo pipefail
exec "$(dirname "$0")/lib/proof-jvm.sh" org.picu.proof.CycleBenchmark cycle-time "$@"
