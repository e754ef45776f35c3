#!/usr/bin/env bash
# Benchmark (not a test) of `lanyard-signer serve`: credential fetch latency (p50/p99) and throughput
# from the IMDSv2 and the container endpoints under wrk on loopback, and the RSS of the serve process.
# Credentials come from the real emulator (real CreateSession at start); the measured path is the
# local endpoint only. Prints a Markdown section for BENCHMARKS.md.
#
# Needs: signer and emulator packaged (mvn -pl signer,emulator package -DskipTests), wrk, openssl, curl.
# Usage: signer/bench/serve-bench.sh [DURATION_SECONDS=10] [CONNECTIONS=32]
# Environment: SERVE_WARMUP (seconds of wrk warm-up per endpoint, default 5); SERVE_LAUNCHER=bin/lanyard-signer
# runs `serve` through that launcher (its JVM flags; SERVE_JAVA_OPTS then goes in LANYARD_JAVA_OPTS) instead
# of java -cp $SIGNER_CP; LANYARD_BENCH_RESULTS=FILE appends one machine-readable line per row and per RSS
# figure to FILE ("serve endpoint=imds threads=2 connections=32 p50_ms=0.89 p99_ms=72.1 rps=24434 errors=none").
set -euo pipefail

DURATION=${1:-10}
CONNECTIONS=${2:-32}
WARMUP=${SERVE_WARMUP:-5}
RESULTS_FILE=${LANYARD_BENCH_RESULTS:-}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$ROOT/signer/target/lanyard-signer.jar   # (not lanyard-signer-lean.jar, the one-shot layout without a Class-Path)
[ -f "$JAR" ] || JAR=$(ls "$ROOT"/signer/target/lanyard-signer-*.jar 2>/dev/null | grep -v -- -lean | head -1 || true)
CP=${SIGNER_CP:-"$JAR:$ROOT/signer/target/lib/*"}
EMULATOR_JAR="$ROOT/emulator/target/quarkus-app/quarkus-run.jar"
for tool in wrk openssl curl; do
  command -v "$tool" >/dev/null || { echo "serve-bench: $tool is missing (apt-get install -y $tool)" >&2; exit 2; }
done
[ -f "$JAR" ] && [ -f "$EMULATOR_JAR" ] || { echo "serve-bench: package signer and emulator first" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- test PKI (a root and an SVID-shaped EC leaf) --------------------------------------------------
SPIFFE=spiffe://example.org/svc/bench
openssl ecparam -name prime256v1 -genkey -noout -out "$WORK/ca.key" 2>/dev/null
openssl req -x509 -new -key "$WORK/ca.key" -subj "/CN=Bench Root" -days 2 -out "$WORK/ca.pem" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/svid_key.pem" 2>/dev/null
openssl req -new -key "$WORK/svid_key.pem" -subj "/CN=bench" -out "$WORK/svid.csr" 2>/dev/null
printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nsubjectAltName=URI:%s\n' "$SPIFFE" > "$WORK/ext.cnf"
openssl x509 -req -in "$WORK/svid.csr" -CA "$WORK/ca.pem" -CAkey "$WORK/ca.key" -CAcreateserial -days 1 \
  -extfile "$WORK/ext.cnf" -out "$WORK/svid.pem" 2>/dev/null

TA=arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555
PROFILE=arn:aws:rolesanywhere:us-east-1:123456789012:profile/66666666-7777-8888-9999-000000000000
ROLE=arn:aws:iam::123456789012:role/bench
cat > "$WORK/trust.json" <<JSON
{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"rolesanywhere.amazonaws.com"},
 "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"],
 "Condition":{"StringEquals":{"aws:PrincipalTag/x509SAN/URI":"$SPIFFE"}}}]}
JSON
cat > "$WORK/seed.yaml" <<YAML
account: "123456789012"
region: us-east-1
trustAnchors:
  - id: 11111111-2222-3333-4444-555555555555
    name: bench
    certificateBundle: ca.pem
    enabled: true
roles:
  - name: bench
    trustPolicy: trust.json
    maxSessionDuration: 3600
profiles:
  - id: 66666666-7777-8888-9999-000000000000
    name: bench
    roleArns: ["$ROLE"]
    durationSeconds: 3600
YAML

wait_for() { # FILE PATTERN
  for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "serve-bench: timed out waiting for '$2' in $1:" >&2; cat "$1" >&2; exit 1
}

# --- emulator ------------------------------------------------------------------------------------
mkdir -p "$WORK/emu"
"$JAVA" --enable-native-access=ALL-UNNAMED -jar "$EMULATOR_JAR" start --port 0 --data-dir "$WORK/emu" \
  --seed "$WORK/seed.yaml" > "$WORK/emu.out" 2>&1 &
PIDS+=($!)
wait_for "$WORK/emu.out" '^endpoint: '
EMU=$(sed -n 's/^endpoint: //p' "$WORK/emu.out" | head -1)

FLAGS=(--certificate "$WORK/svid.pem" --private-key "$WORK/svid_key.pem" --trust-anchor-arn "$TA"
       --profile-arn "$PROFILE" --role-arn "$ROLE" --endpoint "$EMU" --port 0)

start_serve() { # NAME EXTRA-FLAGS...
  local name=$1; shift
  if [ -n "${SERVE_LAUNCHER:-}" ]; then
    LANYARD_JAVA_OPTS="${SERVE_JAVA_OPTS:-}" "$SERVE_LAUNCHER" serve "${FLAGS[@]}" "$@" \
      > "$WORK/$name.out" 2> "$WORK/$name.err" &
  else
    "$JAVA" ${SERVE_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp "$CP" dev.lanyard.signer.cli.Main serve "${FLAGS[@]}" "$@" \
      > "$WORK/$name.out" 2> "$WORK/$name.err" &
  fi
  PIDS+=($!)
  SERVE_PID=$!
  wait_for "$WORK/$name.out" '^export AWS_'
}

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }
hwm_kib() { awk '/^VmHWM/ {print $2}' "/proc/$1/status"; }

# wrk's latency ("59.00us", "1.44ms", "1.02s", "2.00m") in milliseconds
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
  f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1
  if (f < 0) print "NaN"; else printf "%.3f", n * f }'; }

run_wrk() { # LABEL THREADS CONNECTIONS URL HEADER [KEY]
  wrk -t "$2" -c "$3" -d "${DURATION}s" --latency -H "$5" "$4" > "$WORK/wrk.txt"
  local p50 p99 rps errors
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.txt")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.txt")
  rps=$(awk '/^Requests\/sec/ {print $2}' "$WORK/wrk.txt")
  errors=$(grep -E 'Non-2xx|Socket errors' "$WORK/wrk.txt" | tr -s ' ' | paste -sd ';' - || true)
  if [ -n "$RESULTS_FILE" ]; then
    echo "serve endpoint=$6 threads=$2 connections=$3 seconds=$DURATION p50_ms=$(to_ms "$p50") p99_ms=$(to_ms "$p99") rps=$rps errors=$(echo "${errors:-none}" | tr ' ' '_')" >>"$RESULTS_FILE"
  fi
  echo "| $1 | $2 | $3 | $p50 | $p99 | $rps | ${errors:-none} |"
}

RESULTS=()
# --- IMDSv2 --------------------------------------------------------------------------------------
start_serve imds
IMDS_PID=$SERVE_PID
IMDS=$(sed -n 's/^export AWS_EC2_METADATA_SERVICE_ENDPOINT=//p' "$WORK/imds.out")
RSS_IMDS_START=$(rss_kib "$IMDS_PID")
TOKEN=$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600' "${IMDS}latest/api/token")
CRED_URL="${IMDS}latest/meta-data/iam/security-credentials/bench"
curl -sf -H "X-aws-ec2-metadata-token: $TOKEN" "$CRED_URL" | grep -q AccessKeyId
wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -H "X-aws-ec2-metadata-token: $TOKEN" "$CRED_URL" > /dev/null   # warm-up (JIT)
RESULTS+=("$(run_wrk 'IMDS credentials GET' 1 1 "$CRED_URL" "X-aws-ec2-metadata-token: $TOKEN" imds)")
RESULTS+=("$(run_wrk 'IMDS credentials GET' 2 "$CONNECTIONS" "$CRED_URL" "X-aws-ec2-metadata-token: $TOKEN" imds)")
RSS_IMDS_END=$(rss_kib "$IMDS_PID"); HWM_IMDS=$(hwm_kib "$IMDS_PID")
kill "$IMDS_PID"

# --- container endpoint --------------------------------------------------------------------------
start_serve container --container --token-file "$WORK/token"
CONTAINER_PID=$SERVE_PID
FULL_URI=$(sed -n 's/^export AWS_CONTAINER_CREDENTIALS_FULL_URI=//p' "$WORK/container.out")
AUTH=$(cat "$WORK/token")
curl -sf -H "Authorization: $AUTH" "$FULL_URI" | grep -q AccessKeyId
wrk -t 2 -c "$CONNECTIONS" -d "${WARMUP}s" -H "Authorization: $AUTH" "$FULL_URI" > /dev/null
RESULTS+=("$(run_wrk 'container credentials GET' 1 1 "$FULL_URI" "Authorization: $AUTH" container)")
RESULTS+=("$(run_wrk 'container credentials GET' 2 "$CONNECTIONS" "$FULL_URI" "Authorization: $AUTH" container)")
RSS_C_END=$(rss_kib "$CONTAINER_PID"); HWM_C=$(hwm_kib "$CONTAINER_PID")
kill "$CONTAINER_PID"
if [ -n "$RESULTS_FILE" ]; then
  echo "serve-rss endpoint=imds start_mib=$((RSS_IMDS_START / 1024)) after_load_mib=$((RSS_IMDS_END / 1024)) peak_mib=$((HWM_IMDS / 1024))" >>"$RESULTS_FILE"
  echo "serve-rss endpoint=container after_load_mib=$((RSS_C_END / 1024)) peak_mib=$((HWM_C / 1024))" >>"$RESULTS_FILE"
fi
if [ -n "${SERVE_LAUNCHER:-}" ]; then
  JVM_LINE="\`$SERVE_LAUNCHER serve …\` (the launcher's flags)${SERVE_JAVA_OPTS:+ + LANYARD_JAVA_OPTS=\"$SERVE_JAVA_OPTS\"}"
else
  JVM_LINE="\`java ${SERVE_JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -cp … dev.lanyard.signer.cli.Main serve …\`"
fi

cat <<MD

## serve: local credential endpoints (\`signer/bench/serve-bench.sh $DURATION $CONNECTIONS\`)

Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores ($(uname -m), $("$JAVA" -version 2>&1 | head -1)), wrk and
serve sharing the same cores on loopback, ${DURATION}s per row after a ${WARMUP} s warm-up. JVM:
$JVM_LINE.

| endpoint | wrk threads | connections | p50 | p99 | requests/s | errors |
|---|---|---|---|---|---|---|
$(printf '%s\n' "${RESULTS[@]}")

RSS of serve (IMDS): $((RSS_IMDS_START / 1024)) MiB after start, $((RSS_IMDS_END / 1024)) MiB after load,
peak $((HWM_IMDS / 1024)) MiB. Container mode: $((RSS_C_END / 1024)) MiB after load, peak $((HWM_C / 1024)) MiB.
MD
