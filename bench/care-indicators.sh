#!/usr/bin/env bash
# Issue 4 benchmark: every record-based indicator of Tianhe (440106) for all years 2016..this year and
# all streets, end to end (RecordIndicators.refresh: compute and store), on PostgreSQL; then the same
# SQL on DuckDB over the same tables exported to Parquet, and the ratio. The district (2.24 M residents
# at scale 1.0, 2016–2025) is written by the synthetic model straight into the person index and the
# record projections (AnalyticRowsSink; the FHIR import of 68 M resources would take hours).
# Prints per-indicator times, both totals, the ratio, whether the engines agree, and the 2020 district
# values beside the Tianhe plan's printed baselines. Runs in its own embedded PostgreSQL under
# target/test-data-*; needs about 15 GB of disk at scale 1.0 (removed with `mvn clean`).
# Usage: [OBSERVATION_PATIENT_INDEX=true] bench/care-indicators.sh [SCALE]   (default 1.0; target ≤ 120 s for
# PostgreSQL on 2 cores). OBSERVATION_PATIENT_INDEX=true adds an index record.observation (patient_id, code)
# the schema lacks; it was needed before V15 made record.birth and record.death hash joins, and is kept
# only to compare.
# WORK_MEM=256MB sets the server's work_mem for the computation (the embedded server has the default 4MB).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1.0}
log=$(mktemp /tmp/rhip-bench-care-XXXXXX)
echo "load before: $(uptime)"
MAVEN_OPTS="${MAVEN_OPTS:-}" mvn -B -q test -Dtest=CareIndicatorsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drhip.bench.scale="$scale" -Drhip.bench.observation-patient-index="${OBSERVATION_PATIENT_INDEX:-false}" -Drhip.bench.work-mem="${WORK_MEM:-}" -DargLine="-Xmx6g" >"$log" 2>&1 || { tail -80 "$log" >&2; exit 1; }
grep '^bench:' "$log"
echo "load after: $(uptime)"
echo "(full log: $log)"
