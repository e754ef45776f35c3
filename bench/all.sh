#!/usr/bin/env bash
# All of Lanyard's benchmarks in one command (issue 8, "Benchmarks"), summarised in one Markdown table
# with the targets and whether each is met. It runs the three benchmark scripts and reads the
# machine-readable lines they write (LANYARD_BENCH_RESULTS):
#   native/bench.sh              credential-process wall time and peak RSS (cache miss, cache hit;
#                                with and without the AOT cache; default and --fips), through bin/lanyard-signer
#   signer/bench/serve-bench.sh  `lanyard-signer serve` latency and throughput under wrk (IMDS, container)
#   bench/issuer-bench.sh        issuer SVID issuance over keep-alive mTLS with 1, 16 and 64 clients,
#                                next to `openssl speed ecdsap256` (one core and -multi $(nproc))
#
# Usage: bench/all.sh [options] > summary.md      (progress on stderr, the table on stdout)
#   --long                  longer runs: 21 signer runs, serve 10 s per row, issuance 15 s per level
#   --signer-runs N         credential-process runs per row, median reported (default 11)
#   --no-fips               leave out the --fips credential-process rows
#   --serve-seconds S       wrk duration per serve row (default 5; warm-up --serve-warmup, default 3)
#   --serve-connections C   wrk connections for the concurrent serve rows (default 32)
#   --issuer-seconds S      measured seconds per issuance level (default 8; warm-up --issuer-warmup, default 4)
#   --clients LIST          issuance concurrency levels (default 1,16,64)
#   --only LIST             run a subset of: signer,serve,issuer (default all three)
#   --details               after the summary, print each script's own full output
#   --no-build              do not build missing or stale artifacts; print the command to run instead
# Takes ~2.5 minutes with the defaults (~4 with --long). Builds what is missing or older than its sources with
#   mvn -o -q -B -pl MODULES -am package -DskipTests    (never install); the AOT cache by native/build-aot.sh.
# Needs JDK 25, wrk, openssl, curl, /usr/bin/time (apt-get install -y wrk openssl curl time).
# All processes it starts (and theirs) are stopped and temporary directories removed on exit and Ctrl-C.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
ARGS=("$@")
signer_runs=11; fips=1; serve_seconds=5; serve_warmup=3; serve_conns=32
issuer_seconds=8; issuer_warmup=4; clients=1,16,64; only=signer,serve,issuer; details=0; build=1
need_value() { [ $# -ge 2 ] && [ -n "$2" ] || { echo "all: $1 needs a value (see --help)" >&2; exit 2; }; }
while [ $# -gt 0 ]; do
  case "$1" in
    --long) signer_runs=21; serve_seconds=10; serve_warmup=5; issuer_seconds=15; issuer_warmup=6; shift ;;
    --signer-runs) need_value "$@"; signer_runs=$2; shift 2 ;;
    --no-fips) fips=0; shift ;;
    --serve-seconds) need_value "$@"; serve_seconds=$2; shift 2 ;;
    --serve-warmup) need_value "$@"; serve_warmup=$2; shift 2 ;;
    --serve-connections) need_value "$@"; serve_conns=$2; shift 2 ;;
    --issuer-seconds) need_value "$@"; issuer_seconds=$2; shift 2 ;;
    --issuer-warmup) need_value "$@"; issuer_warmup=$2; shift 2 ;;
    --clients) need_value "$@"; clients=$2; shift 2 ;;
    --only) need_value "$@"; only=$2; shift 2 ;;
    --details) details=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "all: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for n in "$signer_runs" "$serve_seconds" "$serve_warmup" "$serve_conns" "$issuer_seconds" "$issuer_warmup"; do
  case "$n" in ''|*[!0-9]*|0) echo "all: '$n' is not a positive whole number (see --help)" >&2; exit 2 ;; esac
done
[[ "$clients" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "all: --clients takes numbers separated by commas, like 1,16,64" >&2; exit 2; }
case ",$clients," in *,64,*) ;; *) echo "all: note: --clients has no 64; the p99 target is judged at 64 clients" >&2 ;; esac
stage_on() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
for s in ${only//,/ }; do
  case "$s" in signer|serve|issuer) ;; *) echo "all: --only takes signer,serve,issuer, not '$s'" >&2; exit 2 ;; esac
done

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$JAVA_HOME/bin/java" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -q '"25' ||
  { echo "all: JDK 25 not found: set JAVA_HOME (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2; exit 69; }
missing_tools=()
for tool in openssl curl wrk; do command -v "$tool" >/dev/null || missing_tools+=("$tool"); done
[ -x /usr/bin/time ] || missing_tools+=(time)
[ ${#missing_tools[@]} -eq 0 ] ||
  { echo "all: missing: ${missing_tools[*]}; run: apt-get install -y ${missing_tools[*]}" >&2; exit 69; }

# --- artifacts: build the modules whose artifact is missing or older than its sources ---------------------
artifact() { # MODULE -> the file the benchmarks run
  case "$1" in
    common) ls "$root"/common/target/lanyard-common-*.jar 2>/dev/null | grep -v -e -sources -e -tests | head -1 ;;
    signer) echo "$root/signer/target/lanyard-signer.jar" ;;
    *) echo "$root/$1/target/quarkus-app/quarkus-run.jar" ;;
  esac
}
stale=()
for m in common signer emulator issuer; do
  a=$(artifact "$m")
  if [ -z "$a" ] || [ ! -f "$a" ] ||
     [ -n "$(find "$root/$m/src/main" "$root/$m/pom.xml" "$root/pom.xml" -newer "$a" -type f -print -quit 2>/dev/null)" ]; then
    stale+=("$m")
  fi
done
if [ ${#stale[@]} -gt 0 ]; then
  cmd="mvn -o -q -B -pl $(IFS=,; echo "${stale[*]}") -am package -DskipTests"
  [ "$build" = 1 ] || { echo "all: missing or older than their sources: ${stale[*]}; run: (cd $root && $cmd)" >&2; exit 69; }
  echo "all: building ${stale[*]}: $cmd" >&2
  (cd "$root" && $cmd) >&2 || { echo "all: the build failed; run: (cd $root && $cmd)" >&2; exit 70; }
fi

# --- run the stages, each in its own process group (stopped as a whole on Ctrl-C) ----------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lanyard-bench-all.XXXXXX")
results=$tmp/results
: >"$results"
child=""
stop_child() {
  if [ -n "$child" ]; then
    kill -TERM -- "-$child" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 -- "-$child" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
    child=""
  fi
}
cleanup() { stop_child; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'echo "all: interrupted" >&2; exit 130' INT TERM
set -m   # each background job gets its own process group

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
load_start=$(loadavg)
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
failed=()
stage_load=()
run_stage() { # NAME COMMAND...
  local name=$1 t0 rc=0; shift
  stage_load+=("$name $(cut -d' ' -f1 /proc/loadavg)")
  t0=$SECONDS
  echo "all: [$(date -u +%H:%M:%S)] $name: $* (load $(loadavg))" >&2
  LANYARD_BENCH_RESULTS=$results "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
  child=$!
  wait "$child" || rc=$?
  stop_child   # anything the stage left running in its process group
  if [ "$rc" != 0 ]; then
    failed+=("$name")
    echo "all: $name failed (exit $rc); its last lines:" >&2
    tail -n 15 "$tmp/$name.err" "$tmp/$name.out" >&2
  fi
  echo "all: $name done in $((SECONDS - t0)) s" >&2
}
no_fips=(); [ "$fips" = 1 ] || no_fips=(--no-fips)
stage_on signer && run_stage signer "$root/native/bench.sh" "${no_fips[@]}" "$signer_runs"
stage_on serve && run_stage serve env SERVE_LAUNCHER="$root/bin/lanyard-signer" SERVE_WARMUP="$serve_warmup" \
  "$root/signer/bench/serve-bench.sh" "$serve_seconds" "$serve_conns"
stage_on issuer && run_stage issuer "$root/bench/issuer-bench.sh" --duration "$issuer_seconds" \
  --warmup "$issuer_warmup" --clients "$clients" --no-cli
load_end=$(loadavg)

# --- the summary --------------------------------------------------------------------------------------------
. "$root/bench/summary.sh"
summary
if [ "$details" = 1 ]; then
  for s in signer serve issuer; do
    [ -f "$tmp/$s.out" ] && { printf '\n## Details: %s\n\n' "$s"; cat "$tmp/$s.out"; }
  done
fi
[ ${#failed[@]} -eq 0 ] || { echo "all: failed stages: ${failed[*]}" >&2; exit 1; }
