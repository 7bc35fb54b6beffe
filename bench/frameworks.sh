#!/usr/bin/env bash
# Per framework (issue 13's corpus in examples/): from a structural change's class file written (a new
# static field in Greeting, compiled beforehand, moved over the old Greeting.class) to the first /hello
# answering the new text, restarted inside the JVM (--reload-mode auto) and as a new JVM
# (--reload-mode restart), and a plain cold start (process start to first /hello) for context.
# Prints one markdown row per framework: medians of N changes (default 3).
# Usage: bench/frameworks.sh [changes] [framework...]   Needs the examples built
# (mvn -pl debug-agent -am package -DskipTests builds them, with their target/lib) and respawn.jar.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$here/debug-agent/target/respawn.jar"
changes="${1:-3}"; shift || true
java25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
declare -A MAIN=(
  [hello-http]=dev.respawn.examples.hello.HelloServer [jdk-http]=dev.respawn.examples.jdkhttp.JdkHttpApp
  [javalin]=dev.respawn.examples.javalin.JavalinApp [jetty-core]=dev.respawn.examples.jettycore.JettyCoreApp
  [jetty-ee10]=dev.respawn.examples.jettyee10.JettyServletApp [undertow]=dev.respawn.examples.undertow.UndertowApp
  [vertx]=dev.respawn.examples.vertx.VertxApp [spring-boot]=dev.respawn.examples.spring.SpringApp
  [spring-webflux]=dev.respawn.examples.webflux.WebFluxApp [micronaut]=dev.respawn.examples.micronaut.Application
  [dropwizard]=dev.respawn.examples.dropwizard.DropwizardApp [helidon-se]=dev.respawn.examples.helidon.HelidonApp)
frameworks=("$@"); [ ${#frameworks[@]} -gt 0 ] || frameworks=(jdk-http javalin jetty-core jetty-ee10 undertow vertx spring-boot spring-webflux micronaut dropwizard helidon-se)
now() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
served() { # port text: waits until /hello answers text (at most 120 s)
  local end=$(( $(date +%s) + 120 ))
  until curl -s -m 2 "http://127.0.0.1:$1/hello" 2>/dev/null | grep -q "$2"; do
    [ "$(date +%s)" -lt "$end" ] || { echo "timeout waiting for '$2'" >&2; return 1; }; sleep 0.003; done
}
echo "| framework | restart inside the JVM (ms) | process restart (ms) | cold start (ms) |"
echo "|---|---:|---:|---:|"
for fw in "${frameworks[@]}"; do
  src="$here/examples/$fw"; main="${MAIN[$fw]}"; java=java
  [ "$fw" != helidon-se ] || { [ -x "$java25" ] || continue; java=$java25; }
  javac="$(dirname "$(readlink -f "$(command -v "$java")")")/javac"
  greeting=$(find "$src/src/main/java" -name Greeting.java); rel=${greeting#"$src/src/main/java/"}
  text=$(grep -o 'return "[^"]*"' "$greeting" | head -1 | sed 's/return "//; s/"$//')
  cp_="target/classes:$src/target/lib/*"
  # The new versions, compiled before any clock runs.
  pre="$(mktemp -d)"
  for i in $(seq 1 "$changes"); do
    mkdir -p "$pre/$i/src"; sed "s/public final class Greeting {/public final class Greeting {\n    private static int field$i;\n/; s/\"$text\"/\"version $i\" + \"\".repeat(field$i++ * 0)/" "$greeting" > "$pre/$i/src/Greeting.java"
    "$javac" -nowarn -d "$pre/$i" -cp "$src/target/classes:$src/target/lib/*" "$pre/$i/src/Greeting.java" 2>/dev/null
  done
  results=()
  for mode in auto restart; do
    work="$(mktemp -d)"; cp -r "$src/target/classes" "$work/classes"; mkdir -p "$work/target"; mv "$work/classes" "$work/target/classes"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    (cd "$work" && exec java -jar "$jar" --reload-on-changes --reload-mode "$mode" --no-class-data-sharing -- \
      "$java" -cp "$cp_" "$main" "$port") > "$work/out" 2>&1 &
    sup=$!
    served "$port" "$text"
    times=()
    for i in $(seq 1 "$changes"); do
      sleep 2
      cls="$work/target/classes/${rel%.java}.class"
      cp "$pre/$i/${rel%.java}.class" "$cls.tmp" && start=$(now) && mv "$cls.tmp" "$cls"
      served "$port" "version $i"; times+=($(( ($(now) - start) / 1000000 )))
    done
    kill "$sup"; wait "$sup" 2>/dev/null || true
    if [ "$mode" = auto ] && ! grep -q "restarted inside the JVM" "$work/out"; then times=("n/a"); fi
    results+=("$(median "${times[@]}")"); rm -rf "$work"
  done
  colds=()
  for i in 1 2 3; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    start=$(now); (cd "$src" && exec "$java" -cp "$cp_" "$main" "$port") >/dev/null 2>&1 &
    app=$!; served "$port" "$text"; colds+=($(( ($(now) - start) / 1000000 ))); kill "$app"; wait "$app" 2>/dev/null || true
  done
  rm -rf "$pre"
  echo "| $fw | ${results[0]} | ${results[1]} | $(median "${colds[@]}") |"
done
