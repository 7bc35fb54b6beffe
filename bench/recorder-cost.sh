#!/usr/bin/env bash
# The recorder's CPU cost per exchange on Netty, in one JVM without sockets (bench/recorder-cost/RecorderCost.java):
# steadier than bench/recorder.sh's wrk rounds on a loaded machine. Builds nothing: run
# `mvn -B -q -DskipTests -pl debug-agent -am package` first (recorder's classes, the vertx example's Netty).
# Usage: bench/recorder-cost.sh [ROUNDS] [N] [split]   (split: a decoder and an encoder apart, as Vert.x has them;
#   RECORDER_CLASSES=DIR: another build's recorder/target/classes)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
classes="${RECORDER_CLASSES:-$here/recorder/target/classes}"
cp="$classes:$here/reloader/target/classes:$here/examples/vertx/target/lib/*"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
javac -nowarn -d "$out" -cp "$cp" "$here/bench/recorder-cost/RecorderCost.java"
java -Xmx256m -cp "$out:$cp" RecorderCost "$@"
