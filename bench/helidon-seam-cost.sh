#!/usr/bin/env bash
# The recorder's CPU cost per exchange on Helidon's seam, in one JVM without sockets or Helidon
# (bench/recorder-cost/HelidonSeamCost.java): steadier than bench/recorder.sh's wrk rounds on a loaded
# machine. Builds nothing: run `mvn -B -q -DskipTests -pl debug-agent -am package` first.
# Usage: bench/helidon-seam-cost.sh [ROUNDS] [N]   (RESPAWN_JAR=PATH: another build's respawn.jar)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${RESPAWN_JAR:-$here/debug-agent/target/respawn.jar}"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
javac -nowarn -d "$out" -cp "$here/debug-agent/target/respawn.jar" "$here/bench/recorder-cost/HelidonSeamCost.java"
java -Xmx256m -cp "$out:$jar" HelidonSeamCost "$@"
