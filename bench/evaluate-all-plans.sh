#!/usr/bin/env bash
# Times a full evaluation of every plan through the JSON API, against a server with demo data:
# start-up time of `demo`, its resident memory, and per-plan and all-plans evaluation latency
# (min / median / max over RUNS rounds). Usage: bench/evaluate-all-plans.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
port=18181
data=$(mktemp -d /tmp/rhip-bench-XXXXXX)
[ -f target/rhip.jar ] || mvn -B -q package -DskipTests
start=$(date +%s%N)
RHIP_ADMIN_PASSWORD=bench-password-123 java -jar target/rhip.jar --data-dir "$data" demo --port $port >"$data/demo.out" 2>"$data/demo.err" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until grep -q "demo is running" "$data/demo.out" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$data/demo.err" >&2; exit 1; }
  sleep 0.2
done
echo "demo start-up (fresh data directory, to the ready message): $(( ($(date +%s%N) - start) / 1000000 )) ms"
echo "demo resident memory after start-up: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
token=$(java -jar target/rhip.jar --data-dir "$data" token create --client bench --role analyst)
plans=$(curl -s -H "Authorization: Bearer $token" localhost:$port/api/plans | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
stats() { sort -n | awk '{a[NR]=$1} END {printf "min %.1f  median %.1f  max %.1f ms\n", a[1], a[int((NR+1)/2)], a[NR]}'; }
all=()
for plan in $plans; do
  times=()
  for _ in $(seq "$runs"); do
    t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" \
      "localhost:$port/api/plans/$plan/evaluation?year=2025")
    times+=("$(awk -v t="$t" 'BEGIN{print t*1000}')")
  done
  printf '%-22s ' "$plan"; printf '%s\n' "${times[@]}" | stats
done
for _ in $(seq "$runs"); do
  s=$(date +%s%N)
  for plan in $plans; do
    curl -s -o /dev/null -H "Authorization: Bearer $token" "localhost:$port/api/plans/$plan/evaluation?year=2025"
  done
  all+=("$(( ($(date +%s%N) - s) / 1000 ))")
done
printf '%-22s ' "all $(echo $plans | wc -w) plans"; printf '%s\n' "${all[@]}" | awk '{print $1/1000}' | stats
echo "resident memory after the runs: $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
