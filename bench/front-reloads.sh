#!/usr/bin/env bash
# Requests lost across reloads (issue 19: 0 through the front): a fixed-rate loopback load on /hello
# (half keep-alive connections, half a new connection per request) through --front-port and, at the
# same time and as the baseline, straight to the worker's port, while the supervisor makes RELOADS
# reloads of each mode the example can take: hot swap (Greeting.class's greeting constant toggled),
# restart inside the JVM (`rs`), process restart (`rs` under --reload-mode restart). Per example, mode
# and path: requests sent, failed (refused, reset, closed before an answer, 502 "a reload cut it",
# other 5xx), the p99 and longest time to an answer, and the load average before and after.
# Usage: [EXAMPLES=hello-http,spring-boot,javalin,vertx,quarkus] [RESPAWN_BENCH_JAR=...] \
#        bench/front-reloads.sh [RELOADS=10] [RATE=150 requests/s per path]
#        (builds nothing: mvn -DskipTests -pl debug-agent,examples/<each> -am package first)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java" "$here/bench/FrontReloads.java" "$here" "${1:-10}" "${2:-150}" \
  "${EXAMPLES:-hello-http,spring-boot,javalin,vertx,quarkus}"
