#!/usr/bin/env bash
# A saved template served without a restart (issue 14's target: under 300 ms), on examples/spring-boot4
# (Spring Boot 4, Thymeleaf) under `respawn --reload-on-changes`: each round rewrites
# templates/notes.html in the class folder (where an IDE's or mvn respawn:run's copy of a saved template
# lands) with a new heading, then asks for / until the page shows it. Prints each round, the median and
# the slowest, and how many restarts the saves caused (the target: none).
# Usage: bench/template.sh [rounds]   Needs debug-agent/target/respawn.jar and examples/spring-boot4 built
# (mvn -DskipTests -pl debug-agent,examples/spring-boot4 -am package). Works on a copy of the class folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/debug-agent/target/respawn.jar"
example="$here/examples/spring-boot4"
rounds="${1:-10}"
if [ ! -f "$jar" ] || [ ! -d "$example/target/lib" ]; then
  echo "template: run 'mvn -DskipTests -pl debug-agent,examples/spring-boot4 -am package' first" >&2
  exit 2
fi
work="$(mktemp -d)"
pid=
cleanup() { [ -z "$pid" ] || { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/target" && cp -r "$example/target/classes" "$work/target/classes"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec java -jar "$jar" --reload-on-changes -- java -cp "target/classes:$example/target/lib/*" \
  dev.respawn.examples.notes.NotesApp "$port" >"$work/out.log" 2>"$work/err.log") &
pid=$!
now() { date +%s%N; }
page_has() { curl -s -m 5 "http://127.0.0.1:$port/" 2>/dev/null | grep -q "$1"; }
end=$(( $(date +%s) + 180 ))
until page_has "<h1>Notes</h1>"; do
  [ "$(date +%s)" -lt "$end" ] || { echo "template: the example never answered; its output:" >&2; cat "$work/err.log" >&2; exit 1; }
  sleep 0.2
done
template="$work/target/classes/templates/notes.html"
times=()
for round in $(seq 1 "$rounds"); do
  heading="Notes, round $round"
  sed -i "s|<h1>[^<]*</h1>|<h1>$heading</h1>|" "$template"
  saved=$(now)
  until page_has "<h1>$heading</h1>"; do :; done
  ms=$(( ($(now) - saved) / 1000000 ))
  times+=("$ms")
  echo "round $round: served $ms ms after the save"
  sleep 1
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}')
slowest=$(printf '%s\n' "${times[@]}" | sort -n | tail -1)
restarts=$(grep -c "restarted" "$work/err.log" || true)
echo "saved template to served: median $median ms, slowest $slowest ms over $rounds saves; restarts: $restarts;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
