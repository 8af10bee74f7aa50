#!/usr/bin/env bash
# System proof (docs/reliability.md): NameNode, DataNode, ResourceManager, NodeManager, two worker daemons, the
# orchestrator and tier-2 as separate JVMs on this machine, with MariaDB and live sites of every source (upbit,
# coinness, saveticker, perplexity, fear_greed) on loopback, for --duration (default PT10M) under a fault schedule
# seeded by --seed (default 8); then drains and checks that nothing served was lost, duplicated or left partial, in
# any dataset. Exit code 0 only if every check passed.
#   bench/system-proof.sh [--duration PT10M] [--seed 8] [--work-dir system-proof/target/system-proof]
# Builds the modules it needs (package, tests skipped; nothing is installed into ~/.m2) first; everything it writes
# lives under system-proof/target/.
# The report is printed and kept in <work-dir>/report.txt, every process's log in <work-dir>/logs/.
set -euo pipefail
exec "$(dirname "$0")/lib/proof-jvm.sh" org.picu.proof.SystemProof system-proof "$@"
