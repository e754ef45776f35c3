# The summary table of bench/all.sh, from the machine-readable lines of the three benchmark scripts.
# Sourced by bench/all.sh, which sets: root results load_start load_end started stage_load failed
# signer_runs serve_seconds serve_warmup serve_conns issuer_seconds issuer_warmup clients only fips.

# val KIND FIELD [KEY=VALUE...]: FIELD of the first KIND line having every KEY=VALUE; empty when none.
val() {
  local kind=$1 field=$2; shift 2
  awk -v kind="$kind" -v field="$field" -v want="$*" '
    $1 != kind { next }
    { delete f; for (i = 2; i <= NF; i++) { k = $i; sub(/=.*/, "", k); v = $i; sub(/^[^=]*=/, "", v); f[k] = v }
      n = split(want, w, " "); ok = 1
      for (i = 1; i <= n; i++) { k = w[i]; sub(/=.*/, "", k); v = w[i]; sub(/^[^=]*=/, "", v); if (f[k] != v) ok = 0 }
      if (ok && (field in f)) { print f[field]; exit } }' "$results"
}
# verdict VALUE OP LIMIT: yes / no / "not measured"
verdict() {
  case "$1" in ''|NaN|nan) echo "not measured"; return ;; esac
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "<=") ? (v <= l) : (v >= l); print ok ? "**yes**" : "**no**" }'
}
num() { # NUMBER [DECIMALS]: thousands separators; "-" when empty
  case "$1" in ''|NaN|nan) echo "-"; return ;; esac
  awk -v v="$1" -v d="${2:-0}" 'BEGIN { s = sprintf("%." d "f", v); i = index(s, "."); w = i ? substr(s, 1, i - 1) : s
    f = i ? substr(s, i) : ""; out = ""
    while (length(w) > 3) { out = "," substr(w, length(w) - 2) out; w = substr(w, 1, length(w) - 3) }
    print w out f }'
}
pct() { case "$1$2" in *NaN*|'') echo "-" ;; *) awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f%%", 100 * a / b; else print "-" }' ;; esac; }
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
skipped() { # STAGE: why a stage has no figures
  case " ${failed[*]} " in *" $1 "*) echo "not measured ($1 stage failed)" ;; *) echo "not measured (not run)" ;; esac
}

summary() {
  local commit dirty cpu m a k wall rss target r p50 p99 rps one multi n ratio
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | head -1)
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
  local args="" arg
  for arg in "${ARGS[@]}"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./,=:-]+$ ]]; then args+=" $arg"; else args+=" $(printf '%q' "$arg")"; fi
  done
  echo "## Summary: \`bench/all.sh$args\`"
  echo
  echo "Started $started; commit $commit${dirty:+ (with uncommitted changes)}; $(nproc) cores ($cpu);"
  echo "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(openssl version | cut -d' ' -f1-2)."
  echo "Took $SECONDS s. Load average (1/5/15 min) at the start: $load_start; at the end: $load_end;"
  echo "1-min load as each stage started: $(printf '%s, ' "${stage_load[@]}" | sed 's/, $//')."
  echo
  echo "| figure | measured | target | met |"
  echo "|---|---:|---|---|"

  # credential-process: the launcher as users run it (AOT cache) is what the targets judge
  if stage_on signer && [ -n "$(val signer wall_ms mode=default)" ]; then
    for m in default fips; do
      [ "$m" = default ] || [ "$fips" = 1 ] || continue
      for a in yes no; do
        for k in miss hit; do
          wall=$(val signer wall_ms mode=$m aot=$a cache=$k); rss=$(val signer rss_mib mode=$m aot=$a cache=$k)
          [ -n "$wall" ] || continue
          local what="credential-process $k, $m mode$([ "$m" = fips ] && echo ' (--fips)'), $([ "$a" = yes ] && echo 'AOT cache' || echo 'no AOT cache')"
          if [ "$a" = yes ]; then
            target=$([ "$k" = hit ] && echo 40 || echo 100)
            row "$what: wall, median of $signer_runs" "$wall ms" "≤ $target ms (issue 4)" "$(verdict "$wall" '<=' "$target")"
            row "$what: peak RSS" "$rss MiB" "≤ 64 MiB (issue 4)" "$(verdict "$rss" '<=' 64)"
          else
            row "$what: wall / peak RSS" "$wall ms / $rss MiB" "-" "-"
          fi
        done
      done
    done
    row "baseline: \`java -version\` with the launcher's flags" \
      "$(val signer wall_ms mode=baseline) ms / $(val signer rss_mib mode=baseline) MiB" "-" "-"
  else
    row "credential-process (native/bench.sh)" "$(skipped signer)" "hit ≤ 40 ms, miss ≤ 100 ms, RSS ≤ 64 MiB" "-"
  fi

  # issuance next to openssl
  one=$(val openssl one_core); multi=$(val openssl multi); n=$(val openssl multi_n)
  if stage_on issuer && [ -n "$(val issuance rate)" ]; then
    row "\`openssl speed ecdsap256\` sign/s, one core" "$(num "$one")" "-" "-"
    row "\`openssl speed -multi ${n:-2} ecdsap256\` sign/s" "$(num "$multi")" "-" "-"
    for c in ${clients//,/ }; do
      r=$(val issuance rate clients="$c"); p50=$(val issuance p50_ms clients="$c"); p99=$(val issuance p99_ms clients="$c")
      [ -n "$r" ] || { row "issuance, $c clients" "not measured" "-" "-"; continue; }
      ratio=$(pct "$r" "$one")
      if [ "$c" = 64 ]; then
        local need; need=$(awk -v o="$one" 'BEGIN { printf "%.0f", o / 10 }')
        row "issuance, 64 clients: SVIDs/s (÷ openssl one core; ÷ -multi ${n:-2})" "$(num "$r") ($ratio; $(pct "$r" "$multi"))" \
          "≥ 10% of openssl one core (≥ $(num "$need")/s)" "$(verdict "$(awk -v a="$r" -v b="$one" 'BEGIN { print (b > 0) ? 100 * a / b : "NaN" }')" '>=' 10)"
        row "issuance, 64 clients ÷ \`openssl speed -multi ${n:-2}\` (stricter reading: all cores)" "$(pct "$r" "$multi")" \
          "≥ 10%" "$(verdict "$(awk -v a="$r" -v b="$multi" 'BEGIN { print (b > 0) ? 100 * a / b : "NaN" }')" '>=' 10)"
        row "issuance, 64 clients: p99 (p50)" "$p99 ms ($p50 ms)" "≤ 20 ms" "$(verdict "$p99" '<=' 20)"
      else
        row "issuance, $c client$([ "$c" = 1 ] || echo s): SVIDs/s (÷ openssl one core), p50 / p99" \
          "$(num "$r") ($ratio), $p50 / $p99 ms" "-" "-"
      fi
    done
    row "issuer CPU per issuance at the highest level" \
      "$(val issuance server_cpu_ms_per_issuance clients="${clients##*,}") ms" "-" "-"
    [ -n "$(val jca c2)" ] && row "JDK \`SHA256withECDSA\` P-256 sign/s, one thread (C2)" "$(num "$(val jca c2)")" "-" "-"
  else
    row "issuance (bench/issuer-bench.sh)" "$(skipped issuer)" "≥ 10% of openssl one core; p99 ≤ 20 ms at 64 clients" "-"
  fi

  # serve: p50 ≤ 1 ms everywhere; ≥ 10,000 requests/s with concurrent connections (issue 7)
  if stage_on serve && [ -n "$(val serve rps)" ]; then
    for e in imds container; do
      for c in 1 "$serve_conns"; do
        p50=$(val serve p50_ms endpoint=$e connections="$c"); p99=$(val serve p99_ms endpoint=$e connections="$c")
        rps=$(val serve rps endpoint=$e connections="$c")
        [ -n "$rps" ] || continue
        row "serve $e, $c connection$([ "$c" = 1 ] || echo s): p50 (p99)" "$p50 ms ($p99 ms)" "p50 ≤ 1 ms (issue 7)" "$(verdict "$p50" '<=' 1)"
        if [ "$c" = 1 ]; then
          row "serve $e, 1 connection: requests/s" "$(num "$rps")" "-" "-"
        else
          row "serve $e, $c connections: requests/s" "$(num "$rps")" "≥ 10,000/s (issue 7)" "$(verdict "$rps" '>=' 10000)"
        fi
      done
    done
    row "serve RSS after load (IMDS / container)" \
      "$(val serve-rss after_load_mib endpoint=imds) / $(val serve-rss after_load_mib endpoint=container) MiB" "-" "-"
  else
    row "serve (signer/bench/serve-bench.sh)" "$(skipped serve)" "p50 ≤ 1 ms, ≥ 10,000 requests/s" "-"
  fi
  echo
  local settings=()
  stage_on signer && settings+=("credential-process: $signer_runs runs per row through bin/lanyard-signer, against the emulator on loopback$([ "$fips" = 1 ] || echo ', no --fips rows')")
  stage_on serve && settings+=("serve: ${serve_seconds} s per wrk row after ${serve_warmup} s of warm-up, $serve_conns connections in the concurrent rows, \`serve\` started by bin/lanyard-signer")
  stage_on issuer && settings+=("issuance: ${issuer_seconds} s per level after ${issuer_warmup} s of warm-up, levels $clients one after the other in one issuer JVM, one keep-alive mTLS connection per client")
  echo "Settings: $(printf '%s; ' "${settings[@]}")the load generators share the cores with what they measure."
}
