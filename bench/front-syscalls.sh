#!/usr/bin/env bash
# System calls the front makes per forwarded request: hello-http's /hello through --front-port under
# wrk (16 connections), counted with strace -c on the supervisor (apt-get install -y strace wrk).
# Counts do not move with the machine's load as CPU time and requests/s do, so two builds compare
# even on a shared machine (strace slows the front: read the counts, not the rate).
# Usage: bench/front-syscalls.sh [JAR...] (default: debug-agent/target/respawn.jar; builds nothing)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -gt 0 ] || set -- "$here/debug-agent/target/respawn.jar"
jars=()
for jar in "$@"; do jars+=("$(realpath "$jar")"); done
work="$(mktemp -d)"
cp -r "$here/examples/hello-http/target/classes" "$work/classes"
cd "$work"
sup=
trap '[ -n "$sup" ] && kill "$sup" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
port=${PORT:-18390}
for jar in "${jars[@]}"; do
  java -jar "$jar" --front-port $((port + 1)) -- java -cp classes dev.respawn.examples.hello.HelloServer "$port" > front.log 2>&1 &
  sup=$!
  url="http://127.0.0.1:$((port + 1))/hello"
  for _ in $(seq 300); do curl -sf "$url" > /dev/null && break; sleep 0.2; done
  curl -sf "$url" > /dev/null || { echo "$jar: the front does not answer"; cat front.log; exit 1; }
  wrk -t2 -c16 -d10s "$url" > /dev/null
  timeout 9 strace -c -f -p "$sup" -o strace.txt 2> /dev/null &
  tracer=$!
  sleep 1
  count=$(wrk -t2 -c16 -d5s "$url" | awk '/requests in/{print $1}')
  wait "$tracer" || true
  kill "$sup"; wait "$sup" 2> /dev/null || true; sup=
  echo "$jar: $count requests; system calls per request:"
  awk -v n="$count" 'NR > 2 && $NF != "total" && $4 ~ /^[0-9]+$/ && $4 / n >= 0.01 {printf "  %-14s %.2f\n", $NF, $4 / n}' strace.txt \
    | sort -k2 -g -r
  port=$((port + 2))
done
