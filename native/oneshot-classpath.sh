#!/usr/bin/env bash
# Prints the class path bin/lanyard-signer gives a one-shot run, which the AOT cache must be trained
# with (native/build-aot.sh) or the JVM does not use it. Two layouts:
#   jar   `-jar signer/target/lanyard-signer.jar`: the manifest Class-Path, i.e. all of lib/
#   lean  `-cp lanyard-signer-lean.jar:lib/lanyard-common-*.jar:lib/picocli-*.jar`, the bc-fips jars
#         appended only for --fips / other commands (appending keeps the trained cache usable)
# The layout is the launcher's (it runs lanyard-signer-lean.jar or not); LANYARD_AOT_LAYOUT=jar|lean
# overrides. Usage: native/oneshot-classpath.sh   (prints: LAYOUT CLASSPATH)
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
TARGET=$ROOT/signer/target
layout=${LANYARD_AOT_LAYOUT:-}
if [ -z "$layout" ]; then
  if grep -q 'lanyard-signer-lean.jar' "$ROOT/bin/lanyard-signer" 2>/dev/null; then layout=lean; else layout=jar; fi
fi
if [ "$layout" = lean ]; then
  echo "lean $TARGET/lanyard-signer-lean.jar:$(echo "$TARGET"/lib/lanyard-common-*.jar):$(echo "$TARGET"/lib/picocli-*.jar)"
else
  echo "jar $TARGET/lanyard-signer.jar"
fi
