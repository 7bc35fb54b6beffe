#!/usr/bin/env bash
# Two builds' recorder, each against plain in its own JVM, in alternating runs of bench/recorder.sh
# under the same load: run by run, BEFORE's then AFTER's (the order swapped every other run), then
# per build the median over all runs' rounds of the recorder's CPU per request over plain's (and of
# its requests per second over plain's), as a difference (+1.4%: 1.4% more CPU per request), with
# the middle half of the rounds. With
# RESPAWN_BENCH_PROFILE_EVENT=cpu (bench/recorder.sh's profile, kept per run), also the samples of
# respawn's own frames per request (bench/recorder-share.py's respawn µs, summed over the runs): the
# recorder's own cost, without the noise of the server and the application around it.
# Usage: bench/recorder-ab.sh BEFORE_JAR AFTER_JAR RUNS ROUNDS SECONDS EXAMPLE
#   (the environment goes to recorder.sh: RESPAWN_BENCH_SWITCH=1 and RESPAWN_BENCH_PATHS=work, say)
# Keeps everything in RESPAWN_BENCH_AB_DIR (default a new folder under /tmp, printed).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -eq 6 ] || { echo "usage: bench/recorder-ab.sh BEFORE_JAR AFTER_JAR RUNS ROUNDS SECONDS EXAMPLE" >&2; exit 2; }
before="$1"; after="$2"; runs="$3"; rounds="$4"; seconds="$5"; example="$6"
for jar in "$before" "$after"; do [ -f "$jar" ] || { echo "bench: no $jar" >&2; exit 2; }; done
out="${RESPAWN_BENCH_AB_DIR:-$(mktemp -d /tmp/recorder-ab.XXXXXX)}"; mkdir -p "$out"
echo "recorder-ab: $runs runs of $rounds rounds of $seconds s on $example, kept in $out; load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for run in $(seq "$runs"); do
  order=(before after); [ $((run % 2)) = 1 ] || order=(after before)
  for build in "${order[@]}"; do
    jar=$before; [ "$build" = before ] || jar=$after
    profile=(); [ -z "${RESPAWN_BENCH_PROFILE_EVENT:-}" ] || profile=(RESPAWN_BENCH_PROFILE="$out/$build-$run.profile")
    env RESPAWN_JAR="$jar" RESPAWN_BENCH_RESULTS="$out/$build-$run" "${profile[@]}" \
      "$here/bench/recorder.sh" "$rounds" "$seconds" "$example" > "$out/$build-$run.row" 2> "$out/$build-$run.log"
    echo "run $run $build: $(tail -1 "$out/$build-$run.row")" >&2
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# The rounds of every run of one build, pooled: a run's round numbers repeat, so each run is read on its own.
pool() { # build endpoint-path
  for f in "$out/$1"-*/"$example.rounds"; do
    awk -v p="$2" '$2==p {v[$1" "$3]=$4" "$5; if ($3=="plain") r[$1]=1}
      END {for (i in r) {split(v[i" plain"], pl); split(v[i" recorder"], rc); if (rc[2] != "") print rc[2]/pl[2], rc[1]/pl[1]}}' "$f"
  done; }
stats() { sort -g | awk '{v[NR]=$1} END {if (!NR) {print "no rounds"; exit} m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; q=int((NR+3)/4);
  printf "%+.2f%% (middle half %+.2f to %+.2f%%, n=%d)", 100*(m-1), 100*(v[q]-1), 100*(v[NR+1-q]-1), NR}'; }
for path in $(tr , ' ' <<<"${RESPAWN_BENCH_PATHS:-hello,work}"); do
  p=/hello; [ "$path" = hello ] || p="/fail?item=bench"
  for build in before after; do
    pool "$build" "$p" > "$out/$build.$path.ratios"
    echo "$build $path: recorder's CPU per request over plain's $(cut -d' ' -f1 "$out/$build.$path.ratios" | stats);" \
      "its requests per second over plain's $(cut -d' ' -f2 "$out/$build.$path.ratios" | stats)"
    if [ -n "${RESPAWN_BENCH_PROFILE_EVENT:-}" ]; then
      # recorder-share.py counts 1 ms a sample; scaled here to the interval sampled at.
      interval="${RESPAWN_BENCH_PROFILE_INTERVAL:-1ms}"
      scale=$(awk -v i="$interval" 'BEGIN {n=i+0; if (i ~ /us$/) n/=1000; else if (i ~ /ns$/) n/=1e6; print n}')
      for f in "$out/$build"-*.profile/"$example-$path.collapsed"; do
        if [ -f "$f" ]; then python3 "$here/bench/recorder-share.py" "$f" | sed -n 's/^ *per request.*: respawn \([0-9.]*\) µs.*/\1/p'; fi
      done | awk -v b="$build" -v p="$path" -v k="$scale" \
        '{s+=$1*k; n++; l=l sprintf(" %.2f", $1*k)} END {if (n) printf "%s %s: respawn'"'"'s own CPU per request, sampled, per run (µs):%s; mean %.2f\n", b, p, l, s/n}'
    fi
  done
done
