#!/usr/bin/env bash
# Issuer SVID issuance benchmark (issue 8, "Benchmarks"): a real issuer started from bin/lanyard in a
# temporary data dir, a user holding an RBAC role for /svc/*, then POST /v1/svid over keep-alive mTLS
# with 1, 16 and 64 concurrent clients (bench/IssuanceBench.java), next to `openssl speed ecdsap256`.
#
# Usage (from anywhere; needs issuer/target/quarkus-app and common/target/lanyard-common-*.jar):
#   bench/issuer-bench.sh [--duration SECONDS] [--warmup SECONDS] [--clients 1,16,64]
#                         [--server-java-opts "JVM FLAGS"] [--issuer-root DIR] [--no-openssl] [--no-cli] [--no-jca]
#
# --issuer-root runs the issuer (bin/lanyard, issuer/target) of another checkout, e.g. an older commit
# unpacked with `git archive` and built, against the same load generator: before/after comparisons.
# --server-java-opts is appended to the issuer's JVM command line through LANYARD_JAVA_OPTS (after the
# launcher's own flags for `issuer start`, -XX:+UseSerialGC with the full JIT, so a later flag wins).
# Everything lives in a mktemp directory, removed on exit; the issuer is stopped on exit and on Ctrl-C.
# With LANYARD_BENCH_RESULTS=FILE, machine-readable lines are appended to FILE: "issuance clients=64 rate=..
# p50_ms=.. p99_ms=.. ...", "openssl one_core=.. multi=.. multi_n=..", "jca c1=.. c2=..", "svid-issue median_ms=..".
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
duration=10
warmup=3
clients=1,16,64
server_opts=""
issuer_root=""
do_openssl=1
do_cli=1
do_jca=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --clients) clients=$2; shift 2 ;;
    --server-java-opts) server_opts=$2; shift 2 ;;
    --issuer-root) issuer_root=$(cd "$2" && pwd); shift 2 ;;
    --no-openssl) do_openssl=0; shift ;;
    --no-cli) do_cli=0; shift ;;
    --no-jca) do_jca=0; shift ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done

issuer_root=${issuer_root:-$root}
java_home=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$java_home/bin/java" ] || java_home=/usr/lib/jvm/temurin-25-jdk-amd64
JAVA="$java_home/bin/java"
[ -x "$JAVA" ] || { echo "error: JDK 25 not found: set JAVA_HOME" >&2; exit 69; }
common_jar=$(ls "$root"/common/target/lanyard-common-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -1 || true)
[ -n "$common_jar" ] || { echo "error: common/target/lanyard-common-*.jar missing: run mvn -pl common install -DskipTests" >&2; exit 69; }
[ -f "$issuer_root/issuer/target/quarkus-app/quarkus-run.jar" ] || {
  echo "error: the issuer is not built: run mvn -pl issuer -am package -DskipTests" >&2; exit 69; }
command -v openssl >/dev/null || do_openssl=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lanyard-bench.XXXXXX")
issuer_pid=""
bench_pid=""
cleanup() {
  if [ -n "$bench_pid" ]; then kill "$bench_pid" 2>/dev/null || true; fi
  if [ -n "$issuer_pid" ] && kill -0 "$issuer_pid" 2>/dev/null; then
    kill "$issuer_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$issuer_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$issuer_pid" 2>/dev/null || true
    wait "$issuer_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo "interrupted" >&2; exit 130' INT TERM

ctl() { LANYARD_DATA_DIR="$tmp/data" "$issuer_root/bin/lanyard" ctl "$@"; }
as_user() { env -u LANYARD_DATA_DIR HOME="$tmp/home" "$issuer_root/bin/lanyard" "$@"; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }

echo "load before: $(uptime)"

# 1. a real issuer on a free loopback port (retried if another process takes the port first)
for attempt in 1 2 3; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
         || echo $((20000 + RANDOM % 20000)))
  LANYARD_JAVA_OPTS="$server_opts" "$issuer_root/bin/lanyard" issuer start --cluster bench.example \
    --data-dir "$tmp/data" --listen "127.0.0.1:$port" >"$tmp/issuer.log" 2>&1 &
  issuer_pid=$!
  for _ in $(seq 1 1200); do
    grep -q 'lanyard issuer ready' "$tmp/issuer.log" && break
    kill -0 "$issuer_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -q 'lanyard issuer ready' "$tmp/issuer.log" && break
  rc=0
  if kill -0 "$issuer_pid" 2>/dev/null; then
    kill "$issuer_pid" 2>/dev/null || true; rc=124
  fi
  wait "$issuer_pid" 2>/dev/null || rc=$?
  issuer_pid=""
  cat "$tmp/issuer.log" >&2
  [ "$rc" = 9 ] || { echo "error: the issuer did not start (exit $rc)" >&2; exit 10; }
  echo "port $port taken, retrying" >&2
done
[ -n "$issuer_pid" ] || { echo "error: the issuer did not start" >&2; exit 10; }
grep 'lanyard issuer ready' "$tmp/issuer.log"

# 2. RBAC role for /svc/*, a user holding it, logged in (the local admin holds no SPIFFE rules)
cat >"$tmp/role.yaml" <<'EOF'
kind: role
version: v6
metadata:
  name: bench-svc
spec:
  allow:
    spiffe:
      - path: /svc/*
EOF
umask 077
head -c 24 /dev/urandom | base64 | tr -d '\n/+=' >"$tmp/password"
ctl create -f "$tmp/role.yaml"
ctl users add bench --roles bench-svc --password-file "$tmp/password" >/dev/null
host_pin=$(ctl status --format json | tr -d ' \n' | sed -n 's/.*"host_ca_pin":"\([^"]*\)".*/\1/p')
[ -n "$host_pin" ] || { echo "error: no host_ca_pin in ctl status --format json" >&2; exit 70; }
mkdir -p "$tmp/home"
as_user login --proxy "127.0.0.1:$port" --user bench --password-file "$tmp/password" --ca-pin "$host_pin" >/dev/null
ident="$tmp/home/.lanyard"

# 3. issuance over keep-alive mTLS (client key generation happens before the clock starts)
echo "load at start of issuance runs: $(uptime)"
# (in the background + wait, so that Ctrl-C / TERM reach the trap at once)
"$JAVA" -XX:+UseSerialGC -Xmx256m -cp "$common_jar" "$root/bench/IssuanceBench.java" \
  --addr "127.0.0.1:$port" --identity "$ident/identity.pem" --key "$ident/identity_key.pem" \
  --ca "$ident/host-ca.pem" --trust-domain bench.example --path /svc/bench \
  --clients "$clients" --warmup "$warmup" --duration "$duration" --results "$tmp/results.txt" --server-pid "$issuer_pid" &
bench_pid=$!
wait "$bench_pid" || { echo "error: the load generator failed" >&2; exit 70; }
bench_pid=""
echo "load after issuance runs: $(uptime)"

# 4. `lanyard svid issue` end to end (fresh JVM, key generation, one request, three files), median of 5
cli_median=""
if [ "$do_cli" = 1 ]; then
  times=()
  for i in 1 2 3 4 5; do
    t0=$(now_ms)
    as_user svid issue --output "$tmp/out$i" /svc/bench-cli >/dev/null
    t1=$(now_ms)
    times+=($((t1 - t0)))
  done
  cli_median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  echo "svid issue wall ms: ${times[*]} (median $cli_median)"
fi

# 5. raw ECDSA P-256 sign rate of this machine: one core (openssl's default; the target's reference)
#    and all cores (-multi N), so both ratios are visible
sign_rate=""
sign_rate_all=""
if [ "$do_openssl" = 1 ]; then
  sign_rate=$(openssl speed -seconds 5 ecdsap256 2>/dev/null | awk '/nistp256/ { print $(NF-1) }' | tail -1)
  echo "openssl speed -seconds 5 ecdsap256: sign/s $sign_rate ($(openssl version))"
  sign_rate_all=$(openssl speed -seconds 5 -multi "$(nproc)" ecdsap256 2>/dev/null | awk '/nistp256/ { print $(NF-1) }' | tail -1)
  echo "openssl speed -seconds 5 -multi $(nproc) ecdsap256: sign/s $sign_rate_all"
fi

# 6. the JDK's own P-256 sign rate (what a Java CA can reach at best), with the issuer's JIT flags and with C2
jca_c1=""; jca_c2=""
if [ "$do_jca" = 1 ]; then
  jca() { "$JAVA" -XX:+UseSerialGC "$@" -cp "$common_jar" "$root/bench/IssuanceBench.java" --jca-sign 3; }
  jca_c1=$(jca -XX:TieredStopAtLevel=1 | sed -n 's/^JCASIGN rate=\([0-9.]*\).*/\1/p')
  jca_c2=$(jca | sed -n 's/^JCASIGN rate=\([0-9.]*\).*/\1/p')
  echo "JDK SHA256withECDSA P-256 sign/s (1 thread): $jca_c1 with -XX:TieredStopAtLevel=1, $jca_c2 with C2"
fi

# 7. machine-readable lines (bench/all.sh), then the table
if [ -n "${LANYARD_BENCH_RESULTS:-}" ]; then
  sed -n 's/^RESULT /issuance /p' "$tmp/results.txt" >>"$LANYARD_BENCH_RESULTS"
  [ -n "$sign_rate" ] && echo "openssl one_core=$sign_rate multi=${sign_rate_all:-NaN} multi_n=$(nproc)" >>"$LANYARD_BENCH_RESULTS"
  [ -n "$jca_c2" ] && echo "jca c1=${jca_c1:-NaN} c2=$jca_c2" >>"$LANYARD_BENCH_RESULTS"
  [ -n "$cli_median" ] && echo "svid-issue median_ms=$cli_median" >>"$LANYARD_BENCH_RESULTS"
fi
echo
echo "| clients | issuances/s | p50 ms | p99 ms | max ms | errors | issuer CPU ms / issuance | issuer cores busy | client CPU ms / issuance | ÷ openssl 1 core | ÷ openssl all cores |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
grep '^RESULT' "$tmp/results.txt" | while read -r _ fields; do
  declare -A f=()
  for kv in $fields; do f[${kv%%=*}]=${kv#*=}; done
  ratio="-"
  ratio_all="-"
  [ -n "$sign_rate" ] && ratio=$(awk -v a="${f[rate]}" -v b="$sign_rate" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  [ -n "$sign_rate_all" ] && ratio_all=$(awk -v a="${f[rate]}" -v b="$sign_rate_all" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  echo "| ${f[clients]} | ${f[rate]} | ${f[p50_ms]} | ${f[p99_ms]} | ${f[max_ms]} | ${f[errors]} |" \
       "${f[server_cpu_ms_per_issuance]} | ${f[server_cores]} | ${f[client_cpu_ms_per_issuance]} | $ratio | $ratio_all |"
done
echo
[ -n "$sign_rate" ] && echo "openssl speed -seconds 5 ecdsap256 sign/s (1 core): $sign_rate; -multi $(nproc): ${sign_rate_all:--}"
[ -n "$jca_c2" ] && echo "JDK SHA256withECDSA P-256 sign/s (1 thread): $jca_c1 (-XX:TieredStopAtLevel=1), $jca_c2 (C2)"
[ -n "$cli_median" ] && echo "lanyard svid issue end to end (fresh JVM), median of 5: $cli_median ms"
echo "issuer: $issuer_root; JVM: bin/lanyard issuer start (-XX:+UseSerialGC, full JIT) ${server_opts:++ $server_opts}"
echo "cores: $(nproc); $("$JAVA" -version 2>&1 | head -1); load at end: $(uptime | sed 's/.*load average: //')"
