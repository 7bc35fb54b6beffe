#!/usr/bin/env bash
# What the front's wait for answers in flight costs a reload: bench/front-reloads.sh run with two
# builds in alternating rounds (BASE first, then this tree's), and per build, example and mode the
# median of the supervisor's own reload times ("hot-swapped in N ms", "restarted inside the JVM in
# N ms", "worker pid N up in M ms" after `rs`) over all rounds, besides front-reloads.sh's own rows (failed requests).
# Usage: BASE=/path/to/other/respawn.jar [EXAMPLES=hello-http,vertx] bench/front-drain.sh [ROUNDS=2] [RELOADS=5] [RATE=150]
#        (builds nothing: see bench/front-reloads.sh)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${BASE:?BASE=path of the respawn.jar to compare with}"
rounds="${1:-2}" reloads="${2:-5}" rate="${3:-150}"
export EXAMPLES="${EXAMPLES:-hello-http,vertx}"
new="$(mktemp -d)/respawn.jar"
cp "$here/debug-agent/target/respawn.jar" "$new"
times="$(mktemp)"
for round in $(seq "$rounds"); do
  for build in base new; do
    jar="$BASE"; [ "$build" = new ] && jar="$new"
    echo "== round $round, $build ($jar), load $(cut -d' ' -f1-3 /proc/loadavg)"
    out="$(RESPAWN_BENCH_JAR="$jar" "$here/bench/front-reloads.sh" "$reloads" "$rate")"
    echo "$out" | tail -n +2 | grep -v '^$' || true
    work="$(echo "$out" | head -1 | sed 's/.*work folder //')"
    for log in "$work"/*/supervisor.log; do
      example="$(basename "$(dirname "$log")" | sed 's/-[a-z]*$//')"
      grep -oE 'hot-swapped in [0-9]+ ms' "$log" | awk -v b="$build" -v e="$example" '{print b, e, "hot-swap", $3}' >>"$times" || true
      grep -oE 'restarted inside the JVM in [0-9]+ ms' "$log" | awk -v b="$build" -v e="$example" '{print b, e, "in-jvm", $6}' >>"$times" || true
      # A process restart on `rs` says "worker pid N up in M ms", counted from the restart; the first is the start.
      grep -oE 'worker pid [0-9]+ up in [0-9]+ ms' "$log" | tail -n +2 | awk -v b="$build" -v e="$example" '{print b, e, "process", $6}' >>"$times" || true
    done
  done
done
echo "== median reload time (ms) over $rounds rounds of $reloads reloads, as the supervisor says it"
sort -k1,1 -k2,2 -k3,3 -k4,4n "$times" | awk '
  { key = $1 " " $2 " " $3; v[key, ++n[key]] = $4 }
  END { for (k in n) { m = n[k]; med = (m % 2) ? v[k, (m + 1) / 2] : (v[k, m / 2] + v[k, m / 2 + 1]) / 2; print k, med, "(" m " reloads)" } }' | sort
