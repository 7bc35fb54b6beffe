#!/usr/bin/env bash
# The front's cost: hello-http's /hello direct and through --front-port, alternately over rounds,
# with wrk (apt-get install -y wrk): the median latency at one connection, and requests/s at 16.
# Usage: bench/front.sh [ROUNDS] [SECONDS]   (builds nothing: run `mvn -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
seconds="${2:-5}"
app=18190
front=18191
work="$(mktemp -d)"
cp -r "$here/examples/hello-http/target/classes" "$work/classes"
cd "$work"
java -jar "$here/debug-agent/target/respawn.jar" --front-port "$front" --reload-on-changes \
  -- java -cp classes dev.respawn.examples.hello.HelloServer "$app" > supervisor.log 2>&1 &
supervisor=$!
trap 'kill $supervisor; wait $supervisor 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 200); do curl -sf "http://127.0.0.1:$front/hello" > /dev/null && break; sleep 0.1; done
# Warm both paths' JITs.
wrk -t1 -c4 -d5s "http://127.0.0.1:$front/hello" > /dev/null
wrk -t1 -c4 -d5s "http://127.0.0.1:$app/hello" > /dev/null
for round in $(seq "$rounds"); do
  for port in $app $front; do
    name=$([ "$port" = "$app" ] && echo direct || echo front)
    wrk -t1 -c1 -d"${seconds}s" --latency "http://127.0.0.1:$port/hello" \
      | awk -v n="$name" '/^ +50%/{print n, "p50", $2}'
    wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$port/hello" \
      | awk -v n="$name" '/Requests\/sec/{print n, "rps16", $2}'
  done
done | tee "$work/results.txt"
echo "medians over $rounds rounds:"
for key in "direct p50" "front p50" "direct rps16" "front rps16"; do
  grep "^$key " "$work/results.txt" | awk '{print $3}' | sed 's/us$//' | sort -g \
    | awk -v k="$key" '{v[NR]=$1} END {print k, v[int((NR+1)/2)]}'
done
