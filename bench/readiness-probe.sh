#!/usr/bin/env bash
# Usage: bench/readiness-probe.sh [ROUNDS=100]: what the readiness report's accept probe (AcceptProbe: a
# connection on loopback, accepted as /proc/net/tcp* says) costs per restart, against one read of the
# machine's listening ports, which the report does every 10 ms while a worker starts. Medians of the
# probing thread's CPU time (user + system: the kernel's walk of its sockets is most of it) and wall time.
# Needs respawn.jar (mvn -pl debug-agent -am package -DskipTests). Not written by bench/run.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; out="$repo/bench/target/readiness"
rm -rf "$out"; mkdir -p "$out"
javac -cp "$repo/debug-agent/target/respawn.jar" -d "$out" "$repo"/bench/readiness/dev/respawn/reloader/supervisor/ProbeCost.java
java -cp "$out:$repo/debug-agent/target/respawn.jar" dev.respawn.reloader.supervisor.ProbeCost "${1:-100}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
