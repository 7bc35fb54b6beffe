#!/usr/bin/env bash
# The front's cost: hello-http's /hello direct and through --front-port, alternately over rounds,
# with wrk (apt-get install -y wrk): the median latency at one connection, and requests/s at 16.
# With BARE=1, also through bench/BareProxy.java (Jetty's proxy, the same Jetty, nothing of
# respawn's) in the same rounds, so that respawn's own share of the cost shows apart from a proxy's.
# Each round measures every path one after the other, so the per-round differences and ratios
# hold even on a machine whose load changes between rounds: they are what to compare.
# BEFORE=path/to/another/respawn.jar adds that build's front (its own worker) to the rounds.
# Usage: [BARE=1] [BEFORE=JAR] [PORT=18190] bench/front.sh [ROUNDS] [SECONDS]
#        (builds nothing: run `mvn -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
seconds="${2:-5}"
base="${PORT:-18190}"
app=$base
front=$((base + 1))
bare=$((base + 2))
work="$(mktemp -d)"
cp -r "$here/examples/hello-http/target/classes" "$work/classes"
cd "$work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
java -jar "$here/debug-agent/target/respawn.jar" --front-port "$front" --reload-on-changes \
  -- java -cp classes dev.respawn.examples.hello.HelloServer "$app" > supervisor.log 2>&1 &
pids+=($!)
paths=(direct:$app front:$front)
if [ -n "${BEFORE:-}" ]; then
  # Another build of respawn.jar (e.g. the main branch's), with a worker of its own, in the same rounds.
  java -jar "$BEFORE" --front-port $((base + 3)) --reload-on-changes \
    -- java -cp classes dev.respawn.examples.hello.HelloServer $((base + 4)) > before.log 2>&1 &
  pids+=($!)
  paths+=(before:$((base + 3)))
fi
if [ "${BARE:-0}" = 1 ]; then
  java -cp "$here/debug-agent/target/respawn.jar" "$here/bench/BareProxy.java" "$bare" "$app" > bare.log 2>&1 &
  pids+=($!)
  paths+=(bare:$bare)
fi
for path in "${paths[@]}"; do
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:${path#*:}/hello" > /dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:${path#*:}/hello" > /dev/null || { echo "${path%%:*} does not answer"; cat ./*.log; exit 1; }
  # Warm each path's JIT.
  wrk -t1 -c4 -d5s "http://127.0.0.1:${path#*:}/hello" > /dev/null
done
# wrk prints 812.00us, 1.02ms or 1.00s: all in µs.
micros='/^ +50%/{v=$2; f=1; if (v ~ /ms$/) f=1000; else if (v ~ /[0-9]s$/) f=1000000; gsub(/[a-z]+$/, "", v); print v*f}'
for round in $(seq "$rounds"); do
  line="round $round"
  for path in "${paths[@]}"; do
    name=${path%%:*}
    url="http://127.0.0.1:${path#*:}/hello"
    p50=$(wrk -t1 -c1 -d"${seconds}s" --latency "$url" | awk "$micros")
    rps=$(wrk -t2 -c16 -d"${seconds}s" "$url" | awk '/Requests\/sec/{print $2}')
    line="$line $name.p50 $p50 $name.rps16 $rps"
  done
  echo "$line ($(cut -d' ' -f1 /proc/loadavg) load)"
done | tee results.txt
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
field() { awk -v k="$1.$2" '{for (i=1;i<NF;i++) if ($i==k) print $(i+1)}' results.txt; }
echo "medians over $rounds rounds:"
for path in "${paths[@]}"; do
  name=${path%%:*}
  echo "$name p50 $(field "$name" p50 | median) us, rps16 $(field "$name" rps16 | median)"
done
for path in "${paths[@]:1}"; do
  name=${path%%:*}
  added=$(paste <(field "$name" p50) <(field direct p50) | awk '{print $1-$2}' | median)
  ratio=$(paste <(field "$name" rps16) <(field direct rps16) | awk '{printf "%.2f\n", $1/$2}' | median)
  echo "$name vs direct, median of the rounds: +$added us at p50, rps16 ratio $ratio"
done
