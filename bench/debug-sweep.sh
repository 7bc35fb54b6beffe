#!/usr/bin/env bash
# Usage: bench/debug-sweep.sh NAME [extra respawn options...]: one example of examples/ under
# --reload-on-changes --debug-mode --front-port, used as a user would: start, /fail (exception report with
# argument values, X-Respawn-Exception), POST /echo, a method-body change, a new field, a changed jar of
# target/lib (process restart), /_respawn/, and after the stop the coverage report, profiles, HAR and ports.
# Prints one line per step. Needs respawn.jar and the examples built (mvn -pl debug-agent -am package -DskipTests).
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; jar=$repo/debug-agent/target/respawn.jar; base="${SWEEP_DIR:-/tmp/respawn-sweep}"; mkdir -p "$base"
name=$1; shift; extra=("$@")
declare -A MAIN=(
  [hello-http]=dev.respawn.examples.hello.HelloServer [jdk-http]=dev.respawn.examples.jdkhttp.JdkHttpApp
  [javalin]=dev.respawn.examples.javalin.JavalinApp [jetty-core]=dev.respawn.examples.jettycore.JettyCoreApp
  [jetty-ee10]=dev.respawn.examples.jettyee10.JettyServletApp [undertow]=dev.respawn.examples.undertow.UndertowApp
  [vertx]=dev.respawn.examples.vertx.VertxApp [spring-boot]=dev.respawn.examples.spring.SpringApp
  [spring-boot4]=dev.respawn.examples.notes.NotesApp
  [spring-webflux]=dev.respawn.examples.webflux.WebFluxApp [micronaut]=dev.respawn.examples.micronaut.Application
  [dropwizard]=dev.respawn.examples.dropwizard.DropwizardApp [helidon-se]=dev.respawn.examples.helidon.HelidonApp
  [quarkus]=JAR)
java=java; rel=17
if [ "$name" = helidon-se ]; then java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; rel=21; fi
javac="$(dirname "$(readlink -f "$(command -v "$java")")")/javac"
w=$base/$name; rm -rf "$w"; cp -r "$repo/examples/$name" "$w"; cd "$w"
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
front=$(free); app=$(free); dbg=$(free)
if [ "${MAIN[$name]}" = JAR ]; then
  cmd=("$java" -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port=$app -jar target/quarkus-app/quarkus-run.jar)
else
  cmd=("$java" -cp "target/classes:target/lib/*" "${MAIN[$name]}" "$app")
fi
greeting=$(find src/main/java -name Greeting.java | head -1)
text=$(grep -o 'return "[^"]*"' "$greeting" | head -1 | sed 's/return "//; s/"$//')
say() { echo "[$name] $*"; }
t0=$(date +%s)
java -jar "$jar" --reload-on-changes --debug-mode --debugger-port "$dbg" --front-port "$front" "${extra[@]}" -- "${cmd[@]}" > out.log 2>&1 &
sup=$!
served() { # text [seconds]
  local end=$(( $(date +%s) + ${2:-180} ))
  until curl -s -m 5 "http://127.0.0.1:$front/hello" 2>/dev/null | grep -q "$1"; do
    [ "$(date +%s)" -lt "$end" ] || return 1; kill -0 $sup 2>/dev/null || return 1; sleep 0.3; done
}
compile() {
  if [ "${MAIN[$name]}" = JAR ]; then
    mkdir -p $base/qc-$name && "$javac" -nowarn --release $rel -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" -d $base/qc-$name "$greeting" \
      && (cd $base/qc-$name && jar uf "$w"/target/quarkus-app/app/*.jar dev)
  else
    "$javac" -nowarn --release $rel -cp "target/classes:target/lib/*" -d target/classes "$greeting"
  fi
}
reloads() { grep -cE 'changed(.*)?; (hot-swapped|restarted inside the JVM|restarted) in [0-9]+ ms' out.log; }
lastreload() { grep -oE 'changed(.*)?; (hot-swapped|restarted inside the JVM|restarted) in [0-9]+ ms' out.log | tail -1 | sed 's/.*; //'; }
if served "$text" 240; then say "START ok ($(( $(date +%s)-t0 )) s through the front)"; else say "START FAIL"; tail -30 out.log; kill $sup; exit 1; fi
# exception with argument values
hdr=$(curl -s -D - -o /dev/null "http://127.0.0.1:$front/fail?item=book")
status=$(echo "$hdr" | head -1 | tr -d '\r'); xr=$(echo "$hdr" | grep -i x-respawn-exception | tr -d '\r')
sleep 1
if grep -qs 'item = "book"' .respawn/exceptions/*.txt; then say "EXCEPTION ok ($status; ${xr:-no header})"; else say "EXCEPTION FAIL ($status; ${xr:-no header}; $(ls .respawn/exceptions 2>/dev/null | head -2))"; fi
echo=$(curl -s -X POST -H 'Content-Type: text/plain' --data 'ping-body-42' "http://127.0.0.1:$front/echo")
[ "$echo" = ping-body-42 ] && say "ECHO ok" || say "ECHO FAIL ($echo)"
# method body change
n=$(reloads); sleep 2
sed -i "s/\"$text\"/\"Swapped \" + (1 + 1)/" "$greeting"; t=$(date +%s%N); compile
if served "Swapped 2" 120; then say "BODY ok in $(( ($(date +%s%N)-t)/1000000 )) ms: $(lastreload) (reloads $n->$(reloads))"; else say "BODY FAIL"; tail -20 out.log; fi
# structural change
n=$(reloads); sleep 2
sed -i "s/public final class Greeting {/public final class Greeting {\n    private static int greeted;\n/; s/\"Swapped \" + (1 + 1)/\"Greeted \" + (++greeted)/" "$greeting"; t=$(date +%s%N); compile
if served "Greeted" 180; then sleep 1; say "STRUCT ok in $(( ($(date +%s%N)-t)/1000000 )) ms: $(lastreload) (reloads $n->$(reloads))"; else say "STRUCT FAIL"; tail -20 out.log; fi
workers=$(grep -c 'worker pid .* up in' out.log)
# front page
page=$(curl -s "http://127.0.0.1:$front/_respawn/")
say "PAGE: exceptions=$(echo "$page" | grep -c 'item = &quot;book') recordings=$(echo "$page" | grep -o 'recordings/[^"]*' | head -1) profiles=$(echo "$page" | grep -o 'profiles/[^"]*' | head -1) coverage=$(echo "$page" | grep -o 'coverage/[^"]*' | head -1)"
# a changed jar: process restart
if [ "${MAIN[$name]}" != JAR ] && [ -d target/lib ]; then
  n=$(reloads); sleep 2; lib=$(ls -S target/lib/*.jar | head -1); t=$(date +%s%N) # the largest jar: one the application loads classes from
  mkdir -p $base/mk-$name && echo x > $base/mk-$name/respawn-sweep-marker.txt && cp "$lib" "$w/jar.tmp" && (cd $base/mk-$name && jar uf "$w/jar.tmp" respawn-sweep-marker.txt) && mv "$w/jar.tmp" "$lib"
  end=$(( $(date +%s) + 180 )); until [ "$(reloads)" -gt "$n" ] || [ "$(date +%s)" -gt "$end" ]; do sleep 0.3; done
  if served "Greeted" 60; then say "JAR ok in $(( ($(date +%s%N)-t)/1000000 )) ms: $(lastreload) (reloads $n->$(reloads), new pid: $(ls .respawn/control))"; else say "JAR FAIL"; tail -20 out.log; fi
fi
curl -s -X POST -H 'Content-Type: text/plain' --data 'after-reload' "http://127.0.0.1:$front/echo" >/dev/null
sleep 1
kill $sup; wait $sup; say "supervisor exit $?"
say "COVERAGE: $(ls .respawn/coverage/html/index.html .respawn/coverage/jacoco.xml 2>&1 | tr '\n' ' ')"
say "PROFILES: $(ls .respawn/profiles | tr '\n' ' ')"
say "HAR: $(ls .respawn/recordings | tr '\n' ' '); /echo in HAR: $(cat .respawn/recordings/*.har 2>/dev/null | grep -o 'ping-body-42\|after-reload' | sort -u | tr '\n' ' ')"
say "PORTS still held: $(ss -ltn | grep -E ":($front|$app|$dbg) " | wc -l)"
grep -E 'respawn: ' out.log | grep -viE 'enabled exception|front listens|faster starts|debugger on|profiling with' | sed "s/^/[$name]   /" | cut -c1-300
