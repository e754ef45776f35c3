#!/usr/bin/env bash
# Benchmark (not a test) of `lanyard-signer credential-process` on loopback: wall time and peak RSS
# (/usr/bin/time), median of N runs (default 11), for cache miss and cache hit, without and with the
# trained AOT cache, in default and --fips mode. Prints a Markdown table for BENCHMARKS.md.
#
# The endpoint is the real emulator (emulator/target/quarkus-app/quarkus-run.jar, seeded with a fresh
# PKI) when it is built, else native/TrainingEndpoint.java. Every run goes through the launcher,
# bin/lanyard-signer (its JVM flags and class path; LANYARD_NO_AOT=1 for the rows without the cache);
# LANYARD_BENCH_LAUNCHER=path measures another launcher (e.g. a proposed one) instead.
#
# Usage: native/bench.sh [--no-fips] [RUNS]
#   (after: mvn -pl signer -am package -DskipTests; builds the AOT cache if missing)
# --no-fips leaves out the four --fips rows (each --fips miss costs ~2 s).
# With LANYARD_BENCH_RESULTS=FILE, one machine-readable line per row is appended to FILE
# ("signer mode=default aot=yes cache=hit runs=11 wall_ms=43 rss_mib=39.1"; bench/all.sh reads them).
set -euo pipefail

MODES="default fips"
while [ $# -gt 0 ]; do
  case "$1" in
    --no-fips) MODES=default; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done
RUNS=${1:-11}
case "$RUNS" in ''|*[!0-9]*|0) echo "bench: RUNS must be a positive number, not '$RUNS' (see --help)" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JAVA_HOME/bin/java
TARGET=$ROOT/signer/target
JAR=$TARGET/lanyard-signer.jar
AOT=$TARGET/lanyard-signer.aot
LAUNCHER=${LANYARD_BENCH_LAUNCHER:-$ROOT/bin/lanyard-signer}
FLAGS=(--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmn4m)
TA=arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555
PROFILE=arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000
ROLE=arn:aws:iam::123456789012:role/example-service

[ -f "$JAR" ] || { echo "bench: $JAR is missing; run: mvn -pl signer -am package -DskipTests" >&2; exit 70; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install -y time)" >&2; exit 69; }
if [ ! -f "$AOT" ] || [ "$(cat "$AOT.stamp" 2>/dev/null)" != "$("$ROOT/native/aot-stamp.sh")" ]; then
  "$ROOT/native/build-aot.sh" >&2
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$ROOT/native/make-pki.sh" "$work/pki" >/dev/null
log=$work/endpoint.log
if [ -f "$ROOT/emulator/target/quarkus-app/quarkus-run.jar" ]; then
  server="the real emulator"
  "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$ROOT/emulator/target/quarkus-app/quarkus-run.jar" start \
    --port 0 --data-dir "$work/emulator" --seed "$work/pki/seed.yaml" >"$log" 2>&1 &
else
  server="native/TrainingEndpoint.java (emulator not built)"
  "$JAVA" "$ROOT/native/TrainingEndpoint.java" >"$log" 2>&1 &
fi
server_pid=$!
endpoint=""
for _ in $(seq 1 600); do
  endpoint=$(grep -o 'endpoint: http://[0-9.:]*' "$log" | head -1 | cut -d' ' -f2 || true)
  [ -n "$endpoint" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$endpoint" ] || { cat "$log" >&2; echo "bench: the endpoint did not start" >&2; exit 70; }

args=(credential-process --certificate "$work/pki/ec.pem" --private-key "$work/pki/ec.key"
  --trust-anchor-arn "$TA" --profile-arn "$PROFILE" --role-arn "$ROLE" --endpoint "$endpoint")

# one run: prints "<wall ms> <max rss KiB>"
one() {
  local start end
  start=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >"$work/out" 2>"$work/err" || {
    cat "$work/err" >&2; echo "bench: run failed: $*" >&2; exit 70; }
  end=$EPOCHREALTIME
  grep -q '"Version":1' "$work/out" || { echo "bench: no credentials printed" >&2; exit 70; }
  echo "$(( (${end/./} - ${start/./}) / 1000 )) $(tail -1 "$work/rss")"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# warm the endpoint (JIT, first-request set-up) so it is not part of the first measurement
for i in 1 2 3 4 5; do one "$LAUNCHER" "${args[@]}" --no-cache >/dev/null; done

# Configurations are interleaved (one run of each per round) so that load changing during the
# benchmark affects every row alike.
configs=()
for mode in $MODES; do for aot in no yes; do for kind in miss hit; do configs+=("$mode $aot $kind"); done; done; done
configs+=("baseline - -")
launcher_for() { # aot
  if [ "$1" = yes ]; then echo "$LAUNCHER"; else echo "env LANYARD_NO_AOT=1 $LAUNCHER"; fi
}
for c in "${configs[@]}"; do
  read -r mode aot kind <<<"$c"
  : >"$work/samples-${c// /-}"
  if [ "$kind" = hit ]; then
    extra=(); [ "$mode" = fips ] && extra=(--fips)
    # shellcheck disable=SC2046
    one $(launcher_for "$aot") "${args[@]}" "${extra[@]}" --cache-dir "$work/warm-$mode-$aot" >/dev/null
  fi
done
for i in $(seq 1 "$RUNS"); do
  for c in "${configs[@]}"; do
    read -r mode aot kind <<<"$c"
    if [ "$mode" = baseline ]; then
      start=$EPOCHREALTIME
      /usr/bin/time -f '%M' -o "$work/rss" "$JAVA" "${FLAGS[@]}" -version 2>/dev/null
      end=$EPOCHREALTIME
      echo "$(( (${end/./} - ${start/./}) / 1000 )) $(tail -1 "$work/rss")" >>"$work/samples-${c// /-}"
      continue
    fi
    extra=(); [ "$mode" = fips ] && extra=(--fips)
    if [ "$kind" = miss ]; then dir=$work/miss-$mode-$aot-$i; else dir=$work/warm-$mode-$aot; fi
    # shellcheck disable=SC2046
    one $(launcher_for "$aot") "${args[@]}" "${extra[@]}" --cache-dir "$dir" >>"$work/samples-${c// /-}"
  done
done

printf '| mode | AOT cache | cache | wall ms (median of %s) | peak RSS MiB (median) |\n|---|---|---|---:|---:|\n' "$RUNS"
for c in "${configs[@]}"; do
  read -r mode aot kind <<<"$c"
  f=$work/samples-${c// /-}
  wall=$(cut -d' ' -f1 "$f" | median)
  rss=$(awk -v k="$(cut -d' ' -f2 "$f" | median)" 'BEGIN {printf "%.1f", k/1024}')
  if [ "$mode" = baseline ]; then
    printf '| baseline: `java -version`, same flags | - | - | %s | %s |\n' "$wall" "$rss"
  else
    printf '| %s | %s | %s | %s | %s |\n' "$mode" "$aot" "$kind" "$wall" "$rss"
  fi
  if [ -n "${LANYARD_BENCH_RESULTS:-}" ]; then
    echo "signer mode=$mode aot=$aot cache=$kind runs=$RUNS wall_ms=$wall rss_mib=$rss" >>"$LANYARD_BENCH_RESULTS"
  fi
done
echo
echo "endpoint: $server on $endpoint; $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA" -version 2>&1 | head -1)"
