#!/usr/bin/env bash
# Issue 3 benchmark: bulk import of FHIR NDJSON. Generates RESOURCES synthetic resources (default
# 1,000,000: 5% Patients with valid ID numbers living in the streets of 天河区, then Encounters,
# Conditions, Observations (blood pressure, glucose, weight), Immunizations and MedicationRequests
# referencing them) with the hidden `import generate-bench`, imports them with `import` into a fresh
# data directory and reports resources/s. Then, on the same database, times a raw PostgreSQL COPY of
# the rows the import wrote into the record tables (exported with COPY … TO, copied into empty copies
# of the tables with COPY … FROM) and prints the ratio. Last, FHIR read and search latency (p50/p99)
# with 50 concurrent clients against /fhir (bench/FhirLoad.java).
# Targets: ≥ 20,000 resources/s and ≥ 25% of the raw COPY rate.
# Usage: bench/import-ndjson.sh [RESOURCES] [BATCH]     PROFILE=1 records a JFR profile of the import.
set -euo pipefail
cd "$(dirname "$0")/.."
resources=${1:-1000000}
batch=${2:-5000}
port=18383
[ -f target/rhip.jar ] || mvn -B -q package -DskipTests
data=$(mktemp -d /tmp/rhip-bench-import-XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  if [ -f "$data/pg/postmaster.pid" ]; then kill "$(head -1 "$data/pg/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1
  [ -n "${KEEP:-}" ] || rm -rf "$data"
}
trap cleanup EXIT
echo "data directory: $data (KEEP=1 keeps it)"
echo "cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"

java -jar target/rhip.jar --data-dir "$data" import generate-bench --resources "$resources" --out "$data/gen" \
  >"$data/files.txt" 2>"$data/generate.err" || { cat "$data/generate.err" >&2; exit 1; }
echo "generated $(cat "$data"/gen/*.ndjson | wc -l) resources, $(du -sh "$data/gen" | cut -f1)"

jfr=()
[ -n "${PROFILE:-}" ] && jfr=(-XX:StartFlightRecording=filename="$data/import.jfr",settings=profile)
start=$(date +%s%N)
java "${jfr[@]}" -jar target/rhip.jar --data-dir "$data" import $(cat "$data/files.txt") --institution 440106-H001 \
  --batch "$batch" --errors "$data/errors.csv" | tee "$data/import.out"
import_ms=$(( ($(date +%s%N) - start) / 1000000 ))
read_count=$(grep -o 'read [0-9]*' "$data/import.out" | grep -o '[0-9]*')
job_rate=$(grep -o '[0-9]* resources/s' "$data/import.out" | grep -o '^[0-9]*')
echo "import command wall time (JVM and database start included): $import_ms ms"

RHIP_ADMIN_PASSWORD=bench-password-123 java -jar target/rhip.jar --data-dir "$data" serve --port $port \
  >"$data/serve.out" 2>&1 &
server=$!
until curl -sf "localhost:$port/actuator/health" >/dev/null 2>&1; do
  kill -0 "$server" 2>/dev/null || { tail -20 "$data/serve.out" >&2; exit 1; }
  sleep 0.5
done
export PGPASSWORD=$(cat "$data/pg-password")
pgport=$(sed -n 4p "$data/pg/postmaster.pid")
export PGOPTIONS="-c client_min_messages=warning"
psql=(psql -h 127.0.0.1 -p "$pgport" -U rhip -d rhip -v ON_ERROR_STOP=1 -qAt)

# raw COPY of the same rows: every table of schema record, exported, then copied into an empty twin
tables=$("${psql[@]}" -c "select table_name from information_schema.tables where table_schema = 'record'
  and table_type = 'BASE TABLE' order by table_name")
mkdir -p "$data/copy"
"${psql[@]}" -c "drop schema if exists bench_copy cascade; create schema bench_copy"
rows=0
for t in $tables; do
  n=$("${psql[@]}" -c "select count(*) from record.$t")
  [ "$n" -gt 0 ] || continue
  rows=$((rows + n))
  "${psql[@]}" -c "\\copy record.$t to '$data/copy/$t.copy'"
  "${psql[@]}" -c "create table bench_copy.$t (like record.$t including defaults including indexes including constraints)"
  echo "  record.$t: $n rows, $(du -h "$data/copy/$t.copy" | cut -f1)"
done
copy_start=$(date +%s%N)
for t in $tables; do
  [ -f "$data/copy/$t.copy" ] || continue
  "${psql[@]}" -c "\\copy bench_copy.$t from '$data/copy/$t.copy'"
done
copy_ms=$(( ($(date +%s%N) - copy_start) / 1000000 ))
"${psql[@]}" -c "drop schema bench_copy cascade"
echo
echo "import:   $read_count resources, $job_rate resources/s (job time, $import_ms ms with start-up)"
echo "raw COPY: $rows rows of the record tables in $copy_ms ms = $(( read_count * 1000 / (copy_ms > 0 ? copy_ms : 1) )) resources/s"
awk -v i="$job_rate" -v c="$(( read_count * 1000 / (copy_ms > 0 ? copy_ms : 1) ))" \
  'BEGIN { printf "import / raw COPY: %.0f%%   (targets: import ≥ 20000 resources/s: %s, ≥ 25%% of raw COPY: %s)\n",
    100 * i / c, (i >= 20000 ? "met" : "MISSED"), (100 * i / c >= 25 ? "met" : "MISSED") }'

# FHIR read and search latency, 50 clients
token=$(java -jar target/rhip.jar --data-dir "$data" token create --client bench-fhir --role doctor --org-unit 440106 2>/dev/null)
patients=$(( read_count / 20 ))
echo
java bench/FhirLoad.java "http://localhost:$port/fhir" "$token" "$patients" "${SECONDS_LOAD:-30}" 50 \
  "read-Patient=/Patient/bench-p{p}" \
  "read-Observation=/Observation/bench-o{p}-{o}" \
  "search-Observation=/Observation?subject=Patient/bench-p{p}" \
  "search-Encounter=/Encounter?patient=Patient/bench-p{p}"
if [ -n "${PROFILE:-}" ]; then
  echo
  echo "hottest frames of the import (JFR execution samples, top 25):"
  jfr print --events jdk.ExecutionSample "$data/import.jfr" | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' \
    | sort | uniq -c | sort -rn | head -25
fi
