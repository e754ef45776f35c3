#!/usr/bin/env bash
# Trains the JDK 25 AOT cache of lanyard-signer: signer/target/lanyard-signer.aot (+ .stamp).
#
# The training run uses exactly the launcher's JVM flags and class path (an AOT cache trained with
# other flags, another JDK or other jars is not used), and runs dev.lanyard.signer.aot.Training:
# credential-process in-process, cache miss and hit, EC and RSA keys, with intermediates, an error,
# and --fips, against a CreateSession endpoint on loopback: the real emulator when
# LANYARD_AOT_EMULATOR=1 and it is built, else native/TrainingEndpoint.java (a JDK HttpServer that
# answers 201 without verifying; the client-side work is the same).
#
# Usage: native/build-aot.sh            (after: mvn -pl signer -am package -DskipTests)
set -euo pipefail

ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
TARGET=$ROOT/signer/target
JAR=$TARGET/lanyard-signer.jar
AOT=$TARGET/lanyard-signer.aot
# Must stay identical to the flags in bin/lanyard-signer.
FLAGS=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn4m)

[ -f "$JAR" ] || { echo "build-aot: $JAR is missing; run: mvn -pl signer -am package -DskipTests" >&2; exit 70; }
command -v openssl >/dev/null || { echo "build-aot: openssl is needed to make the training PKI" >&2; exit 69; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# 1. A training PKI: root CA, EC and RSA leaves, and a leaf under an intermediate.
pki=$work/pki
mkdir -p "$pki"
"$ROOT/native/make-pki.sh" "$pki" >/dev/null

# 2. An endpoint on loopback.
start_endpoint() {
  local log=$work/endpoint.log
  if [ "${LANYARD_AOT_EMULATOR:-}" = 1 ] && [ -f "$ROOT/emulator/target/quarkus-app/quarkus-run.jar" ]; then
    "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$ROOT/emulator/target/quarkus-app/quarkus-run.jar" start \
      --port 0 --data-dir "$work/emulator" --seed "$pki/seed.yaml" >"$log" 2>&1 &
  else
    "$JAVA" "$ROOT/native/TrainingEndpoint.java" >"$log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 1 300); do
    endpoint=$(grep -o 'endpoint: http://[0-9.:]*' "$log" | head -1 | cut -d' ' -f2 || true)
    [ -n "$endpoint" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  echo "build-aot: the training endpoint did not start" >&2
  exit 70
}
start_endpoint

# 3. Train. -XX:AOTCacheOutput records this run and writes the cache when it exits.
rm -f "$AOT" "$AOT.stamp"
# Without AOT class linking by default: a linked cache preloads all ~2,700 classes it holds at every
# start, which makes the frequent cache hit ~40 ms slower to make the rare miss ~90 ms faster
# (BENCHMARKS.md). LANYARD_AOT_TRAIN_OPTS= (empty) trains the linked cache instead.
# shellcheck disable=SC2086
# The class path is the launcher's (native/oneshot-classpath.sh: -jar's manifest Class-Path, or the lean
# layout); with -jar at run time, -cp lanyard-signer.jar here gives the same class path.
read -r layout classpath < <("$ROOT/native/oneshot-classpath.sh")
"$JAVA" "${FLAGS[@]}" -XX:AOTCacheOutput="$AOT" ${LANYARD_AOT_TRAIN_OPTS--XX:-AOTClassLinking} \
  -cp "$classpath" dev.lanyard.signer.aot.Training "$endpoint" "$pki" >"$work/train.log" 2>&1 || { cat "$work/train.log" >&2; exit 70; }
[ -s "$AOT" ] || { cat "$work/train.log" >&2; echo "build-aot: no cache was written" >&2; exit 70; }

# 4. The stamp: what the cache was trained with. The launcher uses the cache only when
#    native/aot-stamp.sh prints the same line.
"$ROOT/native/aot-stamp.sh" >"$AOT.stamp"
echo "build-aot: wrote $AOT ($(du -h "$AOT" | cut -f1)) for the $layout class path layout, stamp $(cat "$AOT.stamp")"
