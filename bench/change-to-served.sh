#!/usr/bin/env bash
# Change to served: from writing a changed class file into the hello-http example's class folder
# to the first HTTP response with the new code, under the supervisor with --reload-on-changes.
# Prints each round and the median. Usage: bench/change-to-served.sh [rounds] [reload-mode]
# (reload-mode: restart, a new worker process each time; auto, the default, a hot swap here since
# only a method body changes).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-10}"
mode="${2:-restart}"
jar="$here/debug-agent/target/respawn.jar"
[ -f "$jar" ] || (cd "$here" && mvn -q -DskipTests package)
work="$(mktemp -d)"; trap 'kill $sup 2>/dev/null || true; wait 2>/dev/null; [ -z "${RESPAWN_BENCH_KEEP:-}" ] || cat "$work/err" >&2; rm -rf "$work"' EXIT
cp -r "$here/examples/hello-http/target/classes" "$work/classes"
src="$here/examples/hello-http/src/main/java/dev/respawn/examples/hello/Greeting.java"
for v in a b; do
  mkdir -p "$work/$v"
  sed "s/Hello from respawn/version $v/" "$src" > "$work/$v/Greeting.java"
  javac -d "$work/$v" "$work/$v/Greeting.java"
done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java ${RESPAWN_BENCH_JAVA_OPTS:-} -jar "$jar" --reload-on-changes --reload-mode "$mode" -- java -cp "$work/classes" dev.respawn.examples.hello.HelloServer "$port" \
  >"$work/out" 2>"$work/err" &
sup=$!
until curl -sf "http://127.0.0.1:$port/hello" >/dev/null; do sleep 0.05; done
class=dev/respawn/examples/hello/Greeting.class
times=()
for i in $(seq 1 "$rounds"); do
  v=$([ $((i % 2)) = 0 ] && echo a || echo b)
  sleep 1
  start=$(date +%s%N)
  cp "$work/$v/$class" "$work/classes/$class"
  until [ "$(curl -s "http://127.0.0.1:$port/hello" 2>/dev/null)" = "version $v" ]; do sleep 0.002; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms"); echo "round $i: $ms ms"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
echo "change to served ($mode), median of $rounds: $median ms ($(nproc) cores, $(java -version 2>&1 | head -1))"
