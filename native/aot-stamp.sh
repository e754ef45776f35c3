#!/usr/bin/env bash
# Prints the stamp of what an AOT cache of lanyard-signer depends on: the JDK, the launcher flags,
# and the size and modification time of every jar on the class path (the same things the JVM checks;
# stat only, so it is cheap enough for a launcher). A cache whose .stamp differs is stale.
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
TARGET=$ROOT/signer/target
{
  grep '^JAVA_RUNTIME_VERSION=' "$JAVA_HOME/release" || echo "$JAVA_HOME"
  echo "--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn4m"
  "$ROOT/native/oneshot-classpath.sh"
  stat -c '%n %s %Y' "$TARGET"/lanyard-signer*.jar "$TARGET"/lib/*.jar
} | sha256sum | cut -d' ' -f1
