#!/usr/bin/env bash
# The front's cost: hello-http's /hello direct and through --front-port, alternately over rounds,
# with wrk (apt-get install -y wrk): the median latency at one connection (p50), requests/s at 16
# connections (rps16), and during that run the CPU time each process spent per request, in µs
# (cpu: the front's JVM, wcpu: the worker's, kcpu: wrk's own).
# Each round measures every path one after the other, so the per-round differences and ratios
# hold even on a machine whose load changes between rounds: they are what to compare. On a shared
# machine requests/s follow the scheduler's share more than the code; CPU per request does not.
# BARE=1 adds bench/BareProxy.java (Jetty's proxy, the same Jetty, nothing of respawn's), so that
# respawn's own share of the cost shows apart from a proxy's; BEFORE=path/to/another/respawn.jar
# adds that build's front (with a worker of its own). NGINX=1 adds nginx (apt-get install -y
# nginx-light) as a reverse proxy in one process with keep-alive connections to the application:
# a floor, what a proxy written in C costs on this machine for the same two extra reads and writes.
# Usage: [BARE=1] [NGINX=1] [BEFORE=JAR] [PORT=18190] bench/front.sh [ROUNDS] [SECONDS]
#        (builds nothing: run `mvn -DskipTests package` first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}"
seconds="${2:-5}"
base="${PORT:-18190}"
work="$(mktemp -d)"
cp -r "$here/examples/hello-http/target/classes" "$work/classes"
cd "$work"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
# name:port:front-pid:worker-port for each path.
supervise() {
  java -jar "$1" --front-port "$2" --reload-on-changes \
    -- java -cp classes dev.respawn.examples.hello.HelloServer "$3" > "$4.log" 2>&1 &
  pids+=($!)
}
supervise "$here/debug-agent/target/respawn.jar" $((base + 1)) "$base" front
paths=("direct:$base:-:$base" "front:$((base + 1)):${pids[0]}:$base")
if [ -n "${BEFORE:-}" ]; then
  supervise "$BEFORE" $((base + 3)) $((base + 4)) before
  paths+=("before:$((base + 3)):${pids[-1]}:$((base + 4))")
fi
if [ "${BARE:-0}" = 1 ]; then
  java -cp "$here/debug-agent/target/respawn.jar" "$here/bench/BareProxy.java" $((base + 2)) "$base" > bare.log 2>&1 &
  pids+=($!)
  paths+=("bare:$((base + 2)):${pids[-1]}:$base")
fi
if [ "${NGINX:-0}" = 1 ]; then
  cat > nginx.conf <<CONF
daemon off; master_process off; worker_processes 1; error_log $work/nginx.err; pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off; client_body_temp_path $work; proxy_temp_path $work;
  upstream app { server 127.0.0.1:$base; keepalive 64; }
  server {
    listen 127.0.0.1:$((base + 5));
    location / { proxy_pass http://app; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
CONF
  nginx -c "$work/nginx.conf" -p "$work" > nginx.log 2>&1 &
  pids+=($!)
  paths+=("nginx:$((base + 5)):${pids[-1]}:$base")
fi
listener() { ss -Hltnp "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
ticks() { [ "$1" = - ] && echo 0 || awk '{print $14 + $15}' "/proc/$1/stat"; }
for path in "${paths[@]}"; do
  IFS=: read -r name port _ _ <<< "$path"
  for _ in $(seq 300); do curl -sf "http://127.0.0.1:$port/hello" > /dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$port/hello" > /dev/null || { echo "$name does not answer"; cat ./*.log; exit 1; }
  # Warm each path's JIT.
  wrk -t1 -c4 -d5s "http://127.0.0.1:$port/hello" > /dev/null
done
hz=$(getconf CLK_TCK)
# wrk prints 812.00us, 1.02ms or 1.00s: all in µs.
micros='/^ +50%/{v=$2; f=1; if (v ~ /ms$/) f=1000; else if (v ~ /[0-9]s$/) f=1000000; gsub(/[a-z]+$/, "", v); print v*f}'
for round in $(seq "$rounds"); do
  line="round $round"
  for path in "${paths[@]}"; do
    IFS=: read -r name port front worker <<< "$path"
    worker=$(listener "$worker")
    url="http://127.0.0.1:$port/hello"
    p50=$(wrk -t1 -c1 -d"${seconds}s" --latency "$url" | awk "$micros")
    f0=$(ticks "$front"); w0=$(ticks "$worker")
    out=$(/usr/bin/time -f "wrkcpu %U %S" wrk -t2 -c16 -d"${seconds}s" "$url" 2>&1)
    f1=$(ticks "$front"); w1=$(ticks "$worker")
    line="$line $(awk -v n="$name" -v p50="$p50" -v f=$((f1 - f0)) -v w=$((w1 - w0)) -v hz="$hz" '
      / requests in /{count=$1} /Requests\/sec/{rps=$2} /^wrkcpu/{k=$2+$3}
      END {us=1000000/hz/count; printf "%s.p50 %d %s.rps16 %d %s.cpu %.1f %s.wcpu %.1f %s.kcpu %.1f",
        n, p50, n, rps, n, f*us, n, w*us, n, k*1000000/count}' <<< "$out")"
  done
  echo "$line ($(cut -d' ' -f1 /proc/loadavg) load)"
done | tee results.txt
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
field() { awk -v k="$1.$2" '{for (i=1;i<NF;i++) if ($i==k) print $(i+1)}' results.txt; }
echo "medians over $rounds rounds:"
for path in "${paths[@]}"; do
  name=${path%%:*}
  echo "$name: p50 $(field "$name" p50 | median) us, rps16 $(field "$name" rps16 | median);" \
    "CPU per request: front $(field "$name" cpu | median) us, worker $(field "$name" wcpu | median) us," \
    "wrk $(field "$name" kcpu | median) us"
done
for path in "${paths[@]:1}"; do
  name=${path%%:*}
  added=$(paste <(field "$name" p50) <(field direct p50) | awk '{print $1-$2}' | median)
  ratio=$(paste <(field "$name" rps16) <(field direct rps16) | awk '{printf "%.2f\n", $1/$2}' | median)
  echo "$name vs direct, median of the rounds: +$added us at p50, rps16 ratio $ratio"
done
