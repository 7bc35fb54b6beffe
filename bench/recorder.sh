#!/usr/bin/env bash
# The recorder's cost per server: each example runs twice under the supervisor, plain and with
# --enable-recorder, both up at once and idle but for the one under load; wrk alternates between
# them round by round (which goes first alternating too), on a trivial handler (GET /hello, a
# constant) and on one doing real work (GET /fail?item=bench: the example's OrderService, which
# only throws, swapped by this script for one that counts the primes below $WORK_PRIMES by trial
# division, about a millisecond of CPU, and answers the first 4 KB of them as text; the examples
# themselves are not changed). Prints one markdown row per example: the recorder's requests per
# second as a share of plain's in the same round, the median of the rounds with their min and max,
# and the same for the worker's CPU time per request (its JIT compiler threads left out).
# Usage: bench/recorder.sh [ROUNDS] [SECONDS] [example...]   (defaults: 5 rounds of 5 s, every server)
#   RESPAWN_JAR=PATH  another respawn.jar than the worktree's
#   RESPAWN_BENCH_COMPARE_JAR=PATH  also runs the recorder of this respawn.jar (an earlier build), as a
#     third server in the same rounds: its columns say "earlier build"
#   RESPAWN_BENCH_WARM=S  seconds per server and endpoint of each warm-up pass (default 10); passes
#     go on until the worker's JIT compiler threads used under 2% of a core in one (at most 8)
#   RESPAWN_BENCH_CONNECTIONS=N  wrk's connections (default 4, one wrk thread)
#   RESPAWN_BENCH_PIN=SERVER_CPUS:WRK_CPUS  pins the supervisors and their workers to SERVER_CPUS and wrk
#     to WRK_CPUS (taskset -c lists, e.g. 1:0 on two cores), so that wrk and the server under load no
#     longer take the same core from each other by turns; each server then runs on one core, saturated
#   RESPAWN_BENCH_SWITCH=1  plain is the recorder's own JVM with its recorder switched off (bench/
#     recorder-cost/RecorderSwitch.java attaches to it and calls Recorder.activate(null), then back
#     before the recorder's turn), so that both sides of each round run in one JVM: two JVMs of the
#     same code differ for their whole lives, which no number of rounds averages out (the control's
#     column, with RESPAWN_BENCH_CONTROL=1, shows by how much in the run)
#   RESPAWN_BENCH_PATHS=LIST  the endpoints measured, of hello,work (default both)
#   RESPAWN_BENCH_PAIRS=K  K fresh pairs of JVMs per example, one after the other, ROUNDS rounds each:
#     two JVMs of the same code differ for their whole lives (their JIT's choices), which rounds of
#     one pair cannot average out; the row is the median over all the pairs' rounds
#   RESPAWN_BENCH_CONTROL=1  adds a second plain server (the "control" columns) to the same rounds: its
#     ratio to plain is this run's noise floor
#   RESPAWN_BENCH_RESULTS=DIR  keeps each example's rounds (round path config req/s CPU-µs-per-request)
#     as DIR/EXAMPLE.rounds
#   RESPAWN_BENCH_PROFILE=DIR  after the rounds, one more run of each endpoint on each worker,
#     sampled by async-profiler (ctimer, 1 ms), written as collapsed stacks into DIR (plain's named
#     -plain) with its request count beside; bench/recorder-share.py then gives the recorder's
#     share of the request work, and the CPU per request of respawn, the server and the application;
#     RESPAWN_BENCH_PROFILE_SECONDS=S samples S seconds per endpoint and worker (default SECONDS: more
#     samples for a difference of a few µs), RESPAWN_BENCH_PROFILE_EVENT=alloc samples allocations
#     instead (async-profiler's alloc event; the counts in the files are then bytes, not samples) and
#     RESPAWN_BENCH_PROFILE_EVENT=cpu with perf events' CPU clock (finer than ctimer, whose timers fire
#     at the kernel's tick: 4 ms at 250 Hz), RESPAWN_BENCH_PROFILE_INTERVAL=I its interval (default 1ms)
# Builds nothing: run `mvn -B -q -DskipTests -pl debug-agent -am package` first (respawn.jar and the
# examples with their target/lib). Needs wrk (apt-get install -y wrk) and python3.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${RESPAWN_JAR:-$here/debug-agent/target/respawn.jar}"
rounds="${1:-5}"; seconds="${2:-5}"; shift 2 2>/dev/null || shift $#
warm="${RESPAWN_BENCH_WARM:-10}"
connections="${RESPAWN_BENCH_CONNECTIONS:-4}"
profile="${RESPAWN_BENCH_PROFILE:-}"
profile_seconds="${RESPAWN_BENCH_PROFILE_SECONDS:-}"
profile_event="${RESPAWN_BENCH_PROFILE_EVENT:-ctimer}"
WORK_PRIMES="${WORK_PRIMES:-30000}"
compare="${RESPAWN_BENCH_COMPARE_JAR:-}"
pin="${RESPAWN_BENCH_PIN:-}"
pairs="${RESPAWN_BENCH_PAIRS:-1}"
keep_results="${RESPAWN_BENCH_RESULTS:-}"
paths=()
for p in $(tr , ' ' <<<"${RESPAWN_BENCH_PATHS:-hello,work}"); do
  case "$p" in hello) paths+=(/hello);; work) paths+=("/fail?item=bench");;
    *) echo "bench: RESPAWN_BENCH_PATHS takes hello and work, not '$p'" >&2; exit 2;; esac
done
configs=(plain recorder); [ -z "$compare" ] || configs+=(earlier); [ -z "${RESPAWN_BENCH_CONTROL:-}" ] || configs+=(control)
switch="${RESPAWN_BENCH_SWITCH:-}"
server_pin=(); wrk_pin=()
if [ -n "$pin" ]; then
  [[ "$pin" =~ ^[0-9,-]+:[0-9,-]+$ ]] || { echo "bench: RESPAWN_BENCH_PIN is SERVER_CPUS:WRK_CPUS (e.g. 1:0), not '$pin'" >&2; exit 2; }
  server_pin=(taskset -c "${pin%%:*}"); wrk_pin=(taskset -c "${pin##*:}")
fi
java25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
declare -A MAIN=(
  [jdk-http]=dev.respawn.examples.jdkhttp.JdkHttpApp [tomcat-jakarta]=dev.respawn.examples.jakarta.JakartaServer
  [tomcat-javax]=dev.respawn.examples.javax.JavaxServer [javalin]=dev.respawn.examples.javalin.JavalinApp
  [jetty-core]=dev.respawn.examples.jettycore.JettyCoreApp [jetty-ee10]=dev.respawn.examples.jettyee10.JettyServletApp
  [undertow]=dev.respawn.examples.undertow.UndertowApp [vertx]=dev.respawn.examples.vertx.VertxApp
  [spring-boot]=dev.respawn.examples.spring.SpringApp [spring-webflux]=dev.respawn.examples.webflux.WebFluxApp
  [micronaut]=dev.respawn.examples.micronaut.Application [dropwizard]=dev.respawn.examples.dropwizard.DropwizardApp
  [helidon-se]=dev.respawn.examples.helidon.HelidonApp)
declare -A SERVER=(
  [jdk-http]="JDK HttpServer" [tomcat-jakarta]="Tomcat (Servlet)" [tomcat-javax]="Tomcat 9 (javax Servlet)"
  [javalin]="Jetty 11 (Servlet)" [jetty-core]="Jetty 12 core" [jetty-ee10]="Jetty 12 ee10 (Servlet)"
  [undertow]="Undertow core" [vertx]="Netty (Vert.x)" [spring-boot]="Tomcat (Spring MVC)"
  [spring-webflux]="Netty (Reactor Netty)" [micronaut]="Netty (Micronaut)" [dropwizard]="Jetty 12 (Jersey)"
  [helidon-se]="Helidon SE (its own)")
examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=(jdk-http tomcat-jakarta jetty-core jetty-ee10 undertow vertx spring-webflux micronaut helidon-se)
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$jar" ] || { echo "bench: $jar is missing (mvn -DskipTests -pl debug-agent -am package)" >&2; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
answers() { # port path: waits until it answers 200 (at most 180 s)
  local end=$(( $(date +%s) + 180 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -m 5 "http://127.0.0.1:$1$2" 2>/dev/null)" = 200 ]; do
    [ "$(date +%s)" -lt "$end" ] || { echo "bench: nothing answered 200 on $1$2" >&2; return 1; }; sleep 0.2; done
}
# The worker's threads and the CPU time each used so far (ns), its JIT compiler threads left out
# (warming, not serving).
threads() { for t in /proc/"$1"/task/*; do
    [[ "$(cat "$t/comm" 2>/dev/null)" == *Compiler* ]] || echo "${t##*/} $(cut -d' ' -f1 "$t/schedstat" 2>/dev/null)"
  done; }
# The CPU time (ns) the worker's threads used between two snapshots of threads(): per thread, so
# that a thread which ended meanwhile (a pool's idle thread retiring: Jetty's after 60 s) takes
# its past CPU time off nothing; a thread begun meanwhile counts from zero.
used() { awk 'NR == FNR {before[$1] = $2; next} $2 != "" {s += $2 - before[$1]} END {printf "%.0f\n", s}' \
  <(echo "$1") <(echo "$2"); }
jit() { for t in /proc/"$1"/task/*; do
    [[ "$(cat "$t/comm" 2>/dev/null)" != *Compiler* ]] || cut -d' ' -f1 "$t/schedstat" 2>/dev/null
  done | awk '{s+=$1} END {printf "%.0f\n", s}'; }
# One wrk run: prints "req/s requests"; warns when an answer was not 2xx.
load() { local out; out=$("${wrk_pin[@]}" wrk -t1 -c"$connections" -d"${2}s" "http://127.0.0.1:$1$3")
  if grep -q "Non-2xx" <<<"$out"; then echo "bench: $3 answered errors: $(grep Non-2xx <<<"$out")" >&2; fi
  awk '/Requests\/sec/{r=$2} /requests in/{n=$1} END {print r, n}' <<<"$out"; }
# Median of the ratios on stdin, as a percentage; with 8 rounds or more, also a 95% confidence
# interval for it (the rounds ranked (n-1.96*sqrt(n))/2 and 1+(n+1.96*sqrt(n))/2, which assumes
# rounds independent of one another: two JVMs' lasting difference is not in it, the control's
# column is) and the middle half of the rounds (the interquartile range: their spread, which an
# outlier does not widen); with fewer, the min and max.
summary() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2;
  if (NR < 8) { printf "%.1f%% (%.1f–%.1f)", 100*m, 100*v[1], 100*v[NR]; exit }
  lo=int((NR-1.96*sqrt(NR))/2); hi=1+(NR+1.96*sqrt(NR))/2; hi=(hi==int(hi))?hi:int(hi)+1;
  if (lo < 1) lo=1; if (hi > NR) hi=NR; q=int((NR+3)/4);
  printf "%.1f%% (95%% CI %.1f–%.1f; IQR %.1f–%.1f; n=%d)", 100*m, 100*v[lo], 100*v[hi], 100*v[q], 100*v[NR+1-q], NR}'; }
median() { sort -g | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%'"'"'.'"${1:-0}"'f", m}'; }

# The swapped OrderService: the same class, annotations and signature, its reserve doing work.
work_service() { # example classes-dir
  local src="$here/examples/$1" out="$2" javac source release
  source=$(find "$src/src/main/java" -name OrderService.java)
  javac="$(dirname "$(readlink -f "$java25")")/javac"
  release=$(( $(od -An -j6 -N2 -tu1 "$out/$(sed -n 's/^package \(.*\);/\1/p' "$source" | tr . /)/OrderService.class" | awk '{print $1*256+$2}') - 44 ))
  mkdir -p "$out.src"
  sed 's|throw new IllegalArgumentException("no such item: " + item);|return BenchWork.primes(item, '"$WORK_PRIMES"');|' \
    "$source" > "$out.src/OrderService.java"
  sed -n 's/^package \(.*\);/package \1;/p' "$source" > "$out.src/BenchWork.java"
  cat >> "$out.src/BenchWork.java" <<'EOF'
final class BenchWork {
    private BenchWork() {
    }
    static String primes(String item, int below) {
        StringBuilder out = new StringBuilder(4200).append("primes below ").append(below).append(" for ").append(item).append(':');
        int count = 0;
        for (int n = 2; n < below; n++) {
            boolean prime = true;
            for (int d = 2; d * d <= n && prime; d++) {
                prime = n % d != 0;
            }
            if (prime) {
                count++;
                if (out.length() < 4080) {
                    out.append(' ').append(n);
                }
            }
        }
        return out.append(" (").append(count).append(" in all)\n").toString();
    }
}
EOF
  "$javac" -nowarn -proc:none --release "$release" -d "$out" -cp "$out:$src/target/lib/*" \
    "$out.src/OrderService.java" "$out.src/BenchWork.java"
}

# Before each turn: with RESPAWN_BENCH_SWITCH, the recorder's JVM switched off for plain's, on for its own.
use() {
  [ -n "$switch" ] && [ "$1" != control ] || return 0
  local want=on; [ "$1" != plain ] || want=off
  [ "$want" != "$switched" ] || return 0
  echo "$want" >&"${SWITCH[1]}"; read -r _ <&"${SWITCH[0]}" || { echo "bench: the recorder could not be switched $want" >&2; exit 1; }
  switched=$want
}
profiler() { # async-profiler's library and asprof from respawn.jar, into $1/ap
  mkdir -p "$1/ap"; (cd "$1/ap" && unzip -qo "$jar" 'libs/libasyncProfiler-*-linux-x64.so' 'libs/asprof-*-linux-x64')
  chmod +x "$1"/ap/libs/asprof-*
}

declare -A sup=()
trap 'for s in "${sup[@]}"; do kill "$s" 2>/dev/null || true; done' EXIT
trap 'exit 143' INT TERM
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $pairs × $rounds rounds of ${seconds} s, wrk -t1 -c$connections, warm-up ${warm} s${pin:+, pinned server:wrk $pin}" >&2
label() { case "$1" in recorder) echo recorder;; earlier) echo "earlier build";; control) echo "control (plain again)";; esac; }
columns() { # endpoint
  printf ' %s plain req/s |' "$1"
  for config in "${configs[@]:1}"; do
    printf ' %s %s/plain req/s | %s plain/%s CPU per request |' "$1" "$(label "$config")" "$1" "$(label "$config")"
  done; }
header="| example | server |"; rule="|---|---|"
for path in "${paths[@]}"; do
  header="$header$(columns "$([ "$path" = /hello ] && echo '`/hello`' || echo 'real work')")"
  rule="$rule---:|$(for _ in "${configs[@]:1}"; do printf -- '---:|---:|'; done)"
done
echo "$header journal |"; echo "$rule---:|"
for ex in "${examples[@]}"; do
  src="$here/examples/$ex"; main="${MAIN[$ex]:-}"
  [ -n "$main" ] && [ -d "$src/target/classes" ] \
    || { echo "bench: skipping $ex (unknown, or not built)" >&2; continue; }
  java=java; [ "$ex" != helidon-se ] || java=$java25
  work="$(mktemp -d)"; cp -r "$src/target/classes" "$work/classes"
  work_service "$ex" "$work/classes"
  : > "$work/results"
  for pair in $(seq "$pairs"); do
  declare -A port=() pid=(); sup=()
  if [ -n "$switch" ] && [ ! -f "$work/switch/RecorderSwitch.class" ]; then
    javac -nowarn -d "$work/switch" "$here/bench/recorder-cost/RecorderSwitch.java"
  fi
  for config in "${configs[@]}"; do
    [ -z "$switch" ] || [ "$config" != plain ] || continue # the recorder's JVM, switched off
    rm -rf "$work/$config"; mkdir -p "$work/$config"; cp -r "$work/classes" "$work/$config/classes"
    port[$config]=$(free_port)
    extra=(); [ "$config" = plain ] || [ "$config" = control ] || extra=(--enable-recorder)
    with=$jar; [ "$config" != earlier ] || with=$compare
    (cd "$work/$config" && exec "${server_pin[@]}" java -jar "$with" --reload-on-changes --no-c1-only --no-warm-jvm --no-class-data-sharing "${extra[@]}" -- \
      "$java" -cp "classes:$src/target/lib/*" "$main" "${port[$config]}") > "$work/$config/out" 2>&1 &
    sup[$config]=$!
  done
  for config in "${configs[@]}"; do
    [ -z "$switch" ] || [ "$config" != plain ] || continue
    answers "${port[$config]}" /hello; answers "${port[$config]}" "/fail?item=bench"
    for _ in $(seq 100); do
      pid[$config]=$(sed -n 's/^respawn: worker pid \([0-9]*\) up.*/\1/p' "$work/$config/out" | head -1)
      [ -z "${pid[$config]}" ] || break; sleep 0.2
    done
  done
  switched=on
  if [ -n "$switch" ]; then
    port[plain]=${port[recorder]}; pid[plain]=${pid[recorder]}
    coproc SWITCH { exec java -cp "$work/switch" RecorderSwitch "${pid[recorder]}"; }
  fi
  # Warmed until the JIT is done: its compiler threads under 2% of a core over a pass (at most 8 passes).
  for config in "${configs[@]}"; do
    for _ in 1 2 3 4 5 6 7 8; do
      jit=$(jit "${pid[$config]}"); start=$(date +%s%N)
      for path in "${paths[@]}"; do use "$config"; load "${port[$config]}" "$warm" "$path" > /dev/null; done
      [ $(( ($(jit "${pid[$config]}") - jit) * 50 )) -gt $(( $(date +%s%N) - start )) ] || break
    done
  done
  if [ -n "$profile" ]; then profiler "$work"; mkdir -p "$profile"; fi
  for round in $(seq "$rounds"); do
    # Each round begins with the next server: plain first, then the recorder, and so on.
    order=("${configs[@]:$(( (round - 1) % ${#configs[@]} ))}" "${configs[@]:0:$(( (round - 1) % ${#configs[@]} ))}")
    for path in "${paths[@]}"; do
      for config in "${order[@]}"; do
        use "$config"
        before=$(threads "${pid[$config]}")
        read -r rps n < <(load "${port[$config]}" "$seconds" "$path")
        used=$(used "$before" "$(threads "${pid[$config]}")")
        echo "$(( (pair - 1) * rounds + round )) $path $config $rps $(awk -v u="$used" -v n="$n" 'BEGIN {printf "%.1f", u/1000/n}')" >> "$work/results"
      done
    done
  done
  if [ -n "$profile" ] && [ "$pair" = "$pairs" ]; then # one more run of each endpoint on each worker, sampled, not counted
    lib=$(echo "$work"/ap/libs/libasyncProfiler-*)
    for config in "${configs[@]}"; do
      for path in "${paths[@]}"; do
        # The recorder's as $ex-hello, the others' as $ex-hello-plain; beside each, its requests.
        use "$config"
        name="$profile/$ex-$([ "$path" = /hello ] && echo hello || echo work)$([ "$config" = recorder ] || echo "-$config")"
        if [ "$profile_event" = alloc ]; then sampling=(-e alloc); else sampling=(-e "$profile_event" -i "${RESPAWN_BENCH_PROFILE_INTERVAL:-1ms}"); fi
        "$work"/ap/libs/asprof-* start "${sampling[@]}" --libpath "$lib" "${pid[$config]}" >/dev/null
        read -r _ n < <(load "${port[$config]}" "${profile_seconds:-$seconds}" "$path")
        "$work"/ap/libs/asprof-* stop -o collapsed $([ "$profile_event" != alloc ] || echo --total) -f "$name.collapsed" --libpath "$lib" "${pid[$config]}" >/dev/null
        echo "$n" > "$name.requests"
      done
    done
  fi
  journal=$(find "$work/recorder" -name '*.journal' -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {printf "%.0f MB", s/1e6}')
  if [ -n "$switch" ]; then exec {SWITCH[1]}>&-; wait "$SWITCH_PID" 2>/dev/null || true; fi
  for config in "${configs[@]}"; do kill "${sup[$config]:-}" 2>/dev/null || true; wait "${sup[$config]:-}" 2>/dev/null || true; done
  done
  [ -z "$keep_results" ] || { mkdir -p "$keep_results"; cp "$work/results" "$keep_results/$ex.rounds"; }
  row="| $ex | ${SERVER[$ex]} |"
  for path in "${paths[@]}"; do
    row="$row $(awk -v p="$path" '$2==p && $3=="plain" {print $4}' "$work/results" | median) |"
    for config in "${configs[@]:1}"; do
      ratio=$(awk -v p="$path" -v c="$config" '$2==p {v[$1" "$3]=$4} END {for (r=1; ("" r " plain") in v; r++) print v[r" "c]/v[r" plain"]}' "$work/results" | summary)
      cpu_ratio=$(awk -v p="$path" -v c="$config" '$2==p {v[$1" "$3]=$5} END {for (r=1; ("" r " plain") in v; r++) print v[r" plain"]/v[r" "c]}' "$work/results" | summary)
      plain_cpu=$(awk -v p="$path" '$2==p && $3=="plain" {print $5}' "$work/results" | median 1)
      rec_cpu=$(awk -v p="$path" -v c="$config" '$2==p && $3==c {print $5}' "$work/results" | median 1)
      row="$row $ratio | $cpu_ratio ($plain_cpu/$rec_cpu µs) |"
    done
  done
  echo "$row $journal |"
  [ -z "${RESPAWN_BENCH_KEEP:-}" ] && rm -rf "$work" || echo "bench: kept $work" >&2
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
