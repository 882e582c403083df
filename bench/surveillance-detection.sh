#!/usr/bin/env bash
# Issue 5 benchmark: every notifiable disease (and every sentinel series with data) × every street of
# 天河区 and the district × the 365 days of 2025 × every detector, from stored counts to stored
# signals and alerts. Each round simulates 2019–2025 at full scale into a fresh data directory (not
# timed), then times `surveil run --methods all --every-series` over 2025: per detector, the store,
# and the whole command (including JVM and database start-up, printed separately).
# Usage: bench/surveillance-detection.sh [ROUNDS]   (default 3; target: detection + store ≤ 5 s)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
[ -f target/rhip.jar ] || mvn -B -q package -DskipTests
results=$(mktemp /tmp/rhip-bench-surv-XXXXXX)
for round in $(seq "$rounds"); do
  data=$(mktemp -d /tmp/rhip-bench-surv-data-XXXXXX)
  java -jar target/rhip.jar --data-dir "$data" surveil simulate --region 440106 --from 2019-01-01 --to 2025-12-31 \
    --outbreaks 16 --seed "$round" >/dev/null 2>"$data/simulate.err" || { cat "$data/simulate.err" >&2; exit 1; }
  start=$(date +%s%N)
  java -jar target/rhip.jar --data-dir "$data" surveil run --region 440106 --from 2025-01-01 --to 2025-12-31 \
    --methods all --every-series >"$data/run.out"
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  head -1 "$data/run.out"
  tail -n +3 "$data/run.out" | awk -F, -v r="$round" -v w="$wall" '{print r "," $1 "," $2} END {print r ",command_wall_ms," w}' >>"$results"
  # stop the embedded server this round left running
  if [ -f "$data/pg/postmaster.pid" ]; then kill "$(head -1 "$data/pg/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1
  rm -rf "$data"
done
echo
echo "per detector over $rounds rounds (ms: min / median / max)"
cut -d, -f2 "$results" | awk '!seen[$0]++' | while read -r what; do
  grep ",$what," "$results" | cut -d, -f3 | sort -n | awk -v w="$what" '{a[NR]=$1} END {printf "%-22s %9.1f %9.1f %9.1f\n", w, a[1], a[int((NR+1)/2)], a[NR]}'
done
rm -f "$results"
