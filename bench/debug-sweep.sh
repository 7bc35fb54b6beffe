#!/usr/bin/env bash
# Usage: bench/debug-sweep.sh NAME|all [extra respawn options...]
# One example of examples/ (or every one, then a table) under --reload-on-changes --debug-mode
# --front-port, as bin/demo runs hello-http, used as a user would: start; /fail (an exception report
# with the frame's argument values); POST /echo; a method-body change (hot swap, served, and the
# swapped-in line counted by `coverage dump`); a new field (a restart inside the JVM where README says
# the example has one, else a process restart; exactly one either way); /_respawn/; optionally
# (SWEEP_JAR=1) a changed jar of target/lib; then a stop by SIGTERM, and after it the coverage
# HTML/XML, each life's flame graph and JFR (read by `jfr summary`), the HAR with /echo's request and
# response bodies, the supervisor's output free of stack traces but the application's own /fail, and
# nothing left running or listening. Prints one `[name] CHECK ok|DEFECT detail` line per check, and
# appends them to $SWEEP_DIR/results.tsv. Needs respawn.jar and the examples built:
#   mvn -B -ntp -q -pl debug-agent -am package -DskipTests && mvn -B -ntp -q -f examples/pom.xml package -DskipTests
set -uo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"; jar=$repo/debug-agent/target/respawn.jar
base="${SWEEP_DIR:-/tmp/respawn-sweep}"; mkdir -p "$base"
all=(hello-http jdk-http javalin jetty-core jetty-ee10 undertow vertx spring-boot spring-boot4 spring-webflux
  micronaut dropwizard helidon-se quarkus tomcat-jakarta tomcat-javax)
if [ "${1:-}" = all ]; then
  shift; rm -f "$base/results.tsv"
  for n in "${all[@]}"; do "$0" "$n" "$@"; done
  python3 - "$base/results.tsv" <<'PY'
import sys, collections
rows = collections.OrderedDict(); checks = []
for line in open(sys.argv[1]):
    name, check, verdict, *_ = line.rstrip("\n").split("\t") + [""]
    rows.setdefault(name, {})[check] = verdict
    if check not in checks: checks.append(check)
print("| example | " + " | ".join(checks) + " |"); print("|---" * (len(checks) + 1) + "|")
for name, r in rows.items(): print(f"| {name} | " + " | ".join(r.get(c, "-") for c in checks) + " |")
PY
  exit 0
fi
name=$1; shift; extra=("$@")
declare -A MAIN=(
  [hello-http]=dev.respawn.examples.hello.HelloServer [jdk-http]=dev.respawn.examples.jdkhttp.JdkHttpApp
  [javalin]=dev.respawn.examples.javalin.JavalinApp [jetty-core]=dev.respawn.examples.jettycore.JettyCoreApp
  [jetty-ee10]=dev.respawn.examples.jettyee10.JettyServletApp [undertow]=dev.respawn.examples.undertow.UndertowApp
  [vertx]=dev.respawn.examples.vertx.VertxApp [spring-boot]=dev.respawn.examples.spring.SpringApp
  [spring-boot4]=dev.respawn.examples.notes.NotesApp
  [spring-webflux]=dev.respawn.examples.webflux.WebFluxApp [micronaut]=dev.respawn.examples.micronaut.Application
  [dropwizard]=dev.respawn.examples.dropwizard.DropwizardApp [helidon-se]=dev.respawn.examples.helidon.HelidonApp
  [tomcat-jakarta]=dev.respawn.examples.jakarta.JakartaServer [tomcat-javax]=dev.respawn.examples.javax.JavaxServer
  [quarkus]=JAR)
# How README says each reloads: a jar's classes (Quarkus) get process restarts; every other example
# restarts inside the JVM (embedded Tomcat with no shutdown hook too: respawn stops its server).
swap="hot-swapped"; struct="restarted inside the JVM"
case $name in quarkus) swap=restarted; struct=restarted ;; esac
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
greeting=$(find src/main/java -name Greeting.java | head -1); anchor="public final class Greeting {"
if [ -z "$greeting" ]; then greeting=$(grep -l 'class Hello extends HttpServlet' -r src/main/java | head -1)
  anchor=$(grep -o 'public final class [A-Za-z]* {' "$greeting"); fi
text=$(grep -o '"Hello from [^"]*"' "$greeting" | head -1 | tr -d '"')
say() { echo "[$name] $1 $2 ${3:-}"; printf '%s\t%s\t%s\t%s\n' "$name" "$1" "$2" "${3:-}" >> "$base/results.tsv"; }
ok() { say "$1" ok "${2:-}"; }
defect() { say "$1" DEFECT "${2:-}"; }
t0=$(date +%s)
java -jar "$jar" --reload-on-changes --debug-mode --debugger-port "$dbg" --front-port "$front" "${extra[@]}" -- "${cmd[@]}" > out.log 2>&1 &
sup=$!
served() { # text [seconds]
  local end=$(( $(date +%s) + ${2:-180} ))
  until curl -s -m 5 "http://127.0.0.1:$front/hello" 2>/dev/null | grep -q "$1"; do
    [ "$(date +%s)" -lt "$end" ] || return 1; kill -0 $sup 2>/dev/null || return 1; sleep 0.2; done
}
compile() {
  if [ "${MAIN[$name]}" = JAR ]; then
    rm -rf $base/qc-$name; mkdir -p $base/qc-$name && "$javac" -nowarn -g --release $rel -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*:target/quarkus-app/lib/boot/*" -d $base/qc-$name "$greeting" \
      && (cd $base/qc-$name && jar uf "$w"/target/quarkus-app/app/*.jar dev)
  else
    "$javac" -nowarn -g --release $rel -cp "target/classes:target/lib/*" -d target/classes "$greeting"
  fi
}
reloadre='changed(.*)?; (hot-swapped|restarted inside the JVM|restarted) in [0-9]+ ms'
reloads() { grep -cE "$reloadre" out.log; }
lastreload() { grep -oE "$reloadre" out.log | tail -1 | sed -E 's/.*; ((hot-swapped|restarted inside the JVM|restarted) in [0-9]+ ms)$/\1/'; }
workers() { grep -c 'worker pid .* up in' out.log; }
if served "$text" 240; then ok START "$(( $(date +%s)-t0 )) s through the front"; else defect START; tail -30 out.log; kill $sup; exit 1; fi
firstpid=$(ls .respawn/control 2>/dev/null | grep -o '[0-9]*' | head -1)
# an exception thrown in a handler: its report names the frame's argument
# (tomcat-javax has no /fail; jdk-http's handler catches the exception itself, so, as README says, no report)
if [ "$name" = jdk-http ] || [ "$name" = tomcat-javax ]; then say EXCEPTION n/a "the example has no escaping exception"
else
  fail="/fail?item=book"; [ "$name" = hello-http ] && fail="/order?item=book&quantity=-1"
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$front$fail")
  end=$(( $(date +%s) + 20 )); until grep -qs 'item = "book"' .respawn/exceptions/*.txt || [ "$(date +%s)" -gt "$end" ]; do sleep 0.3; done
  if grep -qs 'item = "book"' .respawn/exceptions/*.txt; then ok EXCEPTION "$status"
  else defect EXCEPTION "$status; $(ls .respawn/exceptions 2>/dev/null | head -2 | tr '\n' ' ')"; fi
fi
echo=$(curl -s -X POST -H 'Content-Type: text/plain' --data 'ping-body-42' "http://127.0.0.1:$front/echo")
[ "$echo" = ping-body-42 ] || defect ECHO "$echo"
# a method-body change
n=$(reloads); sleep 1
sed -i "s/\"$text\"/\"Swapped \" + (1 + 1)/" "$greeting"; line=$(grep -n '"Swapped " + (1 + 1)' "$greeting" | cut -d: -f1)
t=$(date +%s%N); compile
if served "Swapped 2" 120; then ms=$(( ($(date +%s%N)-t)/1000000 )); sleep 2
  how=$(lastreload); if [[ "$how" == "$swap in"* ]] && [ "$(reloads)" -eq $((n+1)) ]; then ok BODY "served ${ms} ms after the write (javac included): $how"
  else defect BODY "expected $swap once, got $how (reloads $n->$(reloads))"; fi
else defect BODY "not served"; tail -20 out.log; fi
# the swapped-in line counted by coverage, while the worker runs
for i in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$front/hello"; done
java -jar "$jar" coverage dump > cov.log 2>&1 && java -jar "$jar" coverage report >> cov.log 2>&1
src=$(basename "$greeting"); pkg=$(dirname "${greeting#src/main/java/}")
ci=$(python3 - "$pkg" "$src" "$line" <<'PY' 2>&1
import sys, xml.etree.ElementTree as ET
pkg, src, line = sys.argv[1:]
root = ET.parse(".respawn/coverage/jacoco.xml").getroot()
for p in root.iter("package"):
    if p.get("name") == pkg:
        for s in p.iter("sourcefile"):
            if s.get("name") == src:
                print(sum(int(l.get("ci")) for l in s.iter("line") if l.get("nr") == line)); sys.exit()
print("no " + pkg + "/" + src)
PY
)
if [[ "$ci" =~ ^[1-9] ]]; then ok SWAPCOV "line $line: $ci instructions covered"; else defect SWAPCOV "line $line: ${ci:-?} ($(tail -2 cov.log | tr '\n' ' '))"; fi
# a structural change
n=$(reloads); wn=$(workers); sleep 1
sed -i "s/$anchor/$anchor\n    private static int greeted;\n/; s/\"Swapped \" + (1 + 1)/\"Greeted \" + (++greeted)/" "$greeting"; t=$(date +%s%N); compile
if served "Greeted" 180; then ms=$(( ($(date +%s%N)-t)/1000000 )); sleep 3
  how=$(lastreload); wn2=$(workers)
  if [[ "$how" == "$struct in"* ]] && [ "$(reloads)" -eq $((n+1)) ]; then ok STRUCT "served ${ms} ms after the write: $how (workers $wn->$wn2)"
  else defect STRUCT "expected $struct once, got $how (reloads $n->$(reloads), workers $wn->$wn2)"; fi
else defect STRUCT "not served"; tail -20 out.log; fi
page=$(curl -s "http://127.0.0.1:$front/_respawn/")
echo "$page" | grep -q 'recordings/' || defect PAGE "no recordings on /_respawn/"
# a changed jar: process restart
if [ "${SWEEP_JAR:-0}" = 1 ] && [ "${MAIN[$name]}" != JAR ] && [ -d target/lib ]; then
  n=$(reloads); sleep 1; lib=$(ls -S target/lib/*.jar | head -1); t=$(date +%s%N)
  mkdir -p $base/mk-$name && echo x > $base/mk-$name/respawn-sweep-marker.txt && cp "$lib" "$w/jar.tmp" && (cd $base/mk-$name && jar uf "$w/jar.tmp" respawn-sweep-marker.txt) && mv "$w/jar.tmp" "$lib"
  end=$(( $(date +%s) + 180 )); until [ "$(reloads)" -gt "$n" ] || [ "$(date +%s)" -gt "$end" ]; do sleep 0.3; done
  if served "Greeted" 60; then ok JAR "$(( ($(date +%s%N)-t)/1000000 )) ms: $(lastreload)"; else defect JAR; tail -20 out.log; fi
fi
curl -s -X POST -H 'Content-Type: text/plain' --data 'after-reload' "http://127.0.0.1:$front/echo" >/dev/null
sleep 1
pids=$(pgrep -P $sup | tr '\n' ' '); desc=""; for p in $pids; do desc="$desc $p $(pgrep -P $p | tr '\n' ' ')"; done
t=$(date +%s%N); kill $sup; wait $sup; rc=$?; ms=$(( ($(date +%s%N)-t)/1000000 ))
left=""; for p in $desc; do kill -0 $p 2>/dev/null && left="$left $p"; done
held=$(ss -ltn | grep -cE ":($front|$app|$dbg) ")
if { [ $rc -eq 0 ] || [ $rc -eq 143 ]; } && [ -z "$left" ] && [ "$held" -eq 0 ]; then ok STOP "exit $rc in $ms ms"
else defect STOP "exit $rc in $ms ms; left running:${left:- none}; ports held: $held"; fi
if [ -s .respawn/coverage/html/index.html ] && [ -s .respawn/coverage/jacoco.xml ]; then ok COVERAGE
else defect COVERAGE "$(ls .respawn/coverage 2>&1 | tr '\n' ' ')"; fi
nh=$(ls .respawn/profiles/*.html 2>/dev/null | wc -l); nj=$(ls .respawn/profiles/*.jfr 2>/dev/null | wc -l); bad=""
for f in .respawn/profiles/*.jfr; do [ -e "$f" ] || continue; "$(dirname "$javac")/jfr" summary "$f" > /dev/null 2>&1 || bad="$bad $(basename $f)"; done
for f in .respawn/profiles/*.html; do [ -e "$f" ] || continue; grep -q '^[fun](' "$f" || bad="$bad $(basename $f)"; done
lives=$(( 1 + $(grep -cE 'changed(.*)?; restarted (inside the JVM )?in' out.log) ))
if [ "$nh" -ge "$lives" ] && [ "$nj" -ge "$lives" ] && [ -z "$bad" ]; then ok PROFILE "$nh flame graphs, $nj JFRs for $lives lives"
else defect PROFILE "$nh flame graphs, $nj JFRs for $lives lives; unreadable:${bad:- none}"; fi
har=$(python3 - <<'PY' 2>&1
import json, glob, base64
found = set()
for f in glob.glob(".respawn/recordings/*.har"):
    for e in json.load(open(f))["log"]["entries"]:
        if e["request"]["method"] != "POST" or not e["request"]["url"].endswith("/echo"): continue
        req = (e["request"].get("postData") or {}).get("text", "")
        c = e["response"].get("content") or {}
        res = c.get("text", "")
        if c.get("encoding") == "base64": res = base64.b64decode(res).decode("utf-8", "replace")
        if req == res and req in ("ping-body-42", "after-reload"): found.add(req)
print(" ".join(sorted(found)))
PY
)
if [ "$har" = "after-reload ping-body-42" ]; then ok HAR "both /echo exchanges, request and response bodies"
else defect HAR "found: ${har:-none} in $(ls .respawn/recordings | tr '\n' ' ')"; fi
# the supervisor's output: no stack trace but the application's own logging of /fail's exception
traces=$(python3 - <<'PY'
import re
lines = open("out.log", errors="replace").read().split("\n")
frame = re.compile(r"(\s|Caused by|Suppressed|Error has been observed|Original Stack Trace)")
expected = ("no such item", "no note says", "quantity must be positive")
bad, i = [], 0
while i < len(lines):
    if re.match(r"\s+at [\w$.<>/]+\(", lines[i]):
        j = i - 1
        while j > 0 and lines[j] and frame.match(lines[j]): j -= 1
        k = i
        while k < len(lines) and lines[k] and frame.match(lines[k]): k += 1
        block = "\n".join(lines[max(j, 0):k])
        if not any(e in block for e in expected): bad.append(lines[max(j, 0)][:160])
        i = k
    else:
        i += 1
bad += [l[:160] for l in lines if "Exception in thread" in l]
print(" | ".join(dict.fromkeys(bad)))
PY
)
if [ -z "$traces" ]; then ok OUTPUT; else defect OUTPUT "$traces"; fi
grep -E 'respawn: ' out.log | grep -viE 'enabled exception|front listens|faster starts|debugger on|profiling with' | sed "s/^/[$name]   /" | cut -c1-240
