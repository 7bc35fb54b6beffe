#!/usr/bin/env bash
# Save to served: from saving an edited Greeting.java in a copy of examples/maven-app that runs under
# `mvn respawn:run` to the first HTTP response with the new code: the goal compiles the source in
# Maven's JVM, then the reloader hot-swaps or restarts. Prints each round and the median.
# Usage: bench/save-to-served.sh [rounds] [reload-mode]   (reload-mode: auto, the default; restart)
# Needs the plugin in maven-plugin/target/it/repository, where its integration tests install it
# (mvn -pl maven-plugin -am verify); ~/.m2 is only read.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-10}"
mode="${2:-auto}"
it="$here/maven-plugin/target/it"
if [ ! -d "$it/repository/dev/respawn/respawn-maven-plugin" ]; then
  echo "save-to-served: run 'mvn -pl maven-plugin -am verify' first (it installs the plugin into $it/repository)" >&2
  exit 2
fi
work="$(mktemp -d)"
cp -r "$here/examples/maven-app/." "$work/"
rm -rf "$work/target"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec mvn -B -Dstyle.color=never -s "$it/settings.xml" -Dmaven.repo.local="$it/repository" respawn:run \
  -Drespawn.arguments="$port" -Drespawn.reloadMode="$mode") >"$work/out" 2>&1 &
mvn=$!
trap 'kill -INT $mvn 2>/dev/null || true; wait 2>/dev/null; [ -z "${RESPAWN_BENCH_KEEP:-}" ] || cat "$work/out" >&2; rm -rf "$work"' EXIT
until curl -sf "http://127.0.0.1:$port/hello" >/dev/null; do
  kill -0 $mvn 2>/dev/null || { cat "$work/out" >&2; exit 1; }
  sleep 0.1
done
src="$work/src/main/java/com/example/app/Greeting.java"
times=()
for i in $(seq 1 "$rounds"); do
  sleep 1
  start=$(date +%s%N)
  # sed -i saves as many editors do: a temporary file renamed over the source.
  sed -i "s/return \".*\";/return \"version $i\";/" "$src"
  until [ "$(curl -s "http://127.0.0.1:$port/hello" 2>/dev/null)" = "version $i" ]; do sleep 0.002; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms"); echo "round $i: $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "save to served ($mode), median of $rounds: $median ms ($(nproc) cores, $(java -version 2>&1 | head -1))"
