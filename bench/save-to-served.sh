#!/usr/bin/env bash
# Save to served: from saving an edited Greeting.java (a method-body change) to the first HTTP
# response with the new code, in two set-ups that both compile the saved source themselves:
#   plugin:     a copy of examples/maven-app under `mvn respawn:run` (the goal compiles in Maven's JVM);
#   supervisor: a copy of examples/hello-http under `respawn --compile-on-save -- java -cp target/classes ...`.
# Both serve at once and the rounds alternate between them, so a load that comes and goes on the
# machine falls on both alike. Prints each round and each set-up's median.
# Usage: bench/save-to-served.sh [rounds] [reload-mode] [both|plugin|supervisor]
#   (reload-mode: auto, the default, hot-swaps a method body; restart starts a new worker)
# The plugin needs maven-plugin/target/it/repository, where its integration tests install it
# (mvn -pl maven-plugin -am verify); the supervisor needs debug-agent/target/respawn.jar and the
# example's classes (mvn -DskipTests package). ~/.m2 is only read.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-10}"
mode="${2:-auto}"
which="${3:-both}"
it="$here/maven-plugin/target/it"
jar="$here/debug-agent/target/respawn.jar"
setups=()
case "$which" in
  both) setups=(plugin supervisor) ;;
  plugin|supervisor) setups=("$which") ;;
  *) echo "save-to-served: the third argument is both, plugin or supervisor, not '$which'" >&2; exit 2 ;;
esac
for setup in "${setups[@]}"; do
  if [ "$setup" = plugin ] && [ ! -d "$it/repository/dev/respawn/respawn-maven-plugin" ]; then
    echo "save-to-served: run 'mvn -pl maven-plugin -am verify' first (it installs the plugin into $it/repository)" >&2
    exit 2
  fi
  if [ "$setup" = supervisor ] && { [ ! -f "$jar" ] || [ ! -d "$here/examples/hello-http/target/classes" ]; }; then
    echo "save-to-served: run 'mvn -DskipTests package' first (it builds $jar and the examples)" >&2
    exit 2
  fi
done
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${RESPAWN_BENCH_KEEP:-}" ]; then cat "$work"/*/out >&2 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
declare -A port src
for setup in "${setups[@]}"; do
  dir="$work/$setup"
  port[$setup]=$(free_port)
  if [ "$setup" = plugin ]; then
    mkdir -p "$dir" && cp -r "$here/examples/maven-app/." "$dir/" && rm -rf "$dir/target"
    (cd "$dir" && exec mvn -B -Dstyle.color=never -s "$it/settings.xml" -Dmaven.repo.local="$it/repository" respawn:run \
      -Drespawn.arguments="${port[$setup]}" -Drespawn.reloadMode="$mode") >"$dir/out" 2>&1 &
    src[$setup]="$dir/src/main/java/com/example/app/Greeting.java"
  else
    mkdir -p "$dir/target" && cp -r "$here/examples/hello-http/src" "$dir/" \
      && cp -r "$here/examples/hello-http/target/classes" "$dir/target/"
    (cd "$dir" && exec java -jar "$jar" --compile-on-save --reload-mode "$mode" -- \
      java -cp target/classes dev.respawn.examples.hello.HelloServer "${port[$setup]}") >"$dir/out" 2>&1 &
    src[$setup]="$dir/src/main/java/dev/respawn/examples/hello/Greeting.java"
  fi
  pids+=($!)
done
for i in "${!setups[@]}"; do
  setup="${setups[$i]}"
  until curl -sf "http://127.0.0.1:${port[$setup]}/hello" >/dev/null; do
    kill -0 "${pids[$i]}" 2>/dev/null || { cat "$work/$setup/out" >&2; exit 1; }
    sleep 0.1
  done
done
# After the first start, respawn archives the worker's JDK classes (a few seconds of CPU) and warms
# javac up; the rounds measure a session in its stride, so they wait for both (at most a minute).
for setup in "${setups[@]}"; do
  for _ in $(seq 1 600); do grep -q "class-data sharing: \(archived\|no archive\)" "$work/$setup/out" && break; sleep 0.1; done
done
sleep 5
declare -A times
for round in $(seq 1 "$rounds"); do
  for setup in "${setups[@]}"; do
    sleep 1
    start=$(date +%s%N)
    # sed -i saves as many editors do: a temporary file renamed over the source.
    sed -i "s/return \".*\";/return \"version $round\";/" "${src[$setup]}"
    until [ "$(curl -s "http://127.0.0.1:${port[$setup]}/hello" 2>/dev/null)" = "version $round" ]; do sleep 0.002; done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    times[$setup]="${times[$setup]:-} $ms"
    echo "round $round, $setup: $ms ms"
  done
done
for setup in "${setups[@]}"; do
  median=$(printf '%s\n' ${times[$setup]} | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
  echo "save to served, $setup ($mode), median of $rounds: $median ms ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1))"
done
