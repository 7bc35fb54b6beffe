#!/usr/bin/env bash
# An add-on's cost on a worker's start, per thread, two builds side by side (not written by bench/run):
# bench/addon-start.sh BEFORE_JAR AFTER_JAR [ROUNDS=8] [AGENT_OPTIONS...]
#   e.g. bench/addon-start.sh old/respawn.jar debug-agent/target/respawn.jar 8 \
#          reload-on-changes,enable-coverage reload-on-changes,debug-mode
# Runs the example's worker JVM directly (no supervisor, no debugger port), as the supervisor starts it
# (-javaagent with AGENT_OPTIONS, C1 only, a class-data-sharing archive made once per build by a
# supervised start that is not counted), waits for the first /hello answer, and reads the worker's CPU:
# `live` sums /proc/PID/task/*/schedstat (threads alive at the answer), `proc` is utime+stime of
# /proc/PID/stat (what bench/run's debugstart counts; 10 ms ticks, with threads that ended before the
# answer, e.g. the profiler's start), `main` and `c1` the main thread's and C1's. Builds and options
# alternate; prints each start and the medians. Needs examples/hello-http built.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before=$(realpath "$1"); after=$(realpath "$2"); rounds=${3:-8}; shift 2; [ $# -gt 0 ] && shift
configs=("$@"); [ ${#configs[@]} -gt 0 ] || configs=(reload-on-changes reload-on-changes,enable-coverage
  reload-on-changes,enable-profiler reload-on-changes,debug-mode)
work=$(mktemp -d); chmod 700 "$work"
trap 'rm -rf "$work"' EXIT
port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
for build in before after; do
  dir="$work/$build"; mkdir -p "$dir"; cp -r "$here/examples/hello-http/target/classes" "$dir/classes"
  jar=${!build}; p=$(port)
  # One supervised debug-mode start makes the archive (the same for every add-on set on JDK 17).
  (cd "$dir" && exec java -jar "$jar" --reload-on-changes --debug-mode --debugger-port "$(port)" -- \
    java -cp classes dev.respawn.examples.hello.HelloServer "$p" >"$dir/prime.log" 2>&1) &
  supervisor=$!
  for _ in $(seq 1200); do compgen -G "$dir/.respawn/cds/*.jsa" >/dev/null && break
    compgen -G "$dir/.respawn/cds/*.failed" >/dev/null && { echo "no archive for $build (see $dir/.respawn/cds)" >&2; exit 1; }
    sleep 0.5; done
  kill "$supervisor"; wait "$supervisor" 2>/dev/null || true
done
one() { # BUILD OPTIONS
  local dir="$work/$1" jar=${!1} p; p=$(port)
  local start; start=$(date +%s%N)
  (cd "$dir" && exec java -javaagent:"$jar=$2" --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 \
    -XX:SharedArchiveFile="$(ls "$dir"/.respawn/cds/*.jsa)" -cp "$jar:classes" \
    dev.respawn.examples.hello.HelloServer "$p" >"$dir/worker.log" 2>&1) &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$p/hello"; do sleep 0.005; done
  local wall=$((($(date +%s%N) - start) / 1000000)) live=0 main=0 c1=0 c name
  for task in /proc/$pid/task/*; do
    c=$(cut -d' ' -f1 "$task/schedstat" 2>/dev/null || echo 0); name=$(cat "$task/comm" 2>/dev/null || true)
    live=$((live + c)); case "$name" in C1*) c1=$((c1 + c));; java) main=$((main + c));; esac
  done
  echo "$1 $2 wall $wall live $((live / 1000000)) proc $(awk '{print ($14+$15)*10}' /proc/$pid/stat) main $((main / 1000000)) c1 $((c1 / 1000000))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for _ in $(seq "$rounds"); do for config in "${configs[@]}"; do one before "$config"; one after "$config"; done; done | tee "$work/starts"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/starts" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    f = line.split()
    for i in range(2, len(f) - 1, 2):
        rows[(f[1], f[0])][f[i]].append(int(f[i + 1]))
for (config, build), figures in rows.items():
    print(f"median {config:40s} {build:6s} n={len(figures['wall'])} "
          + " ".join(f"{k} {statistics.median(v):.0f}" for k, v in figures.items()))
EOF
