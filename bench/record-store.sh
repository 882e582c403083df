#!/usr/bin/env bash
# Issue 3 benchmark: the bulk write path of the clinical store (RecordApi.storeAll). Synthea-like
# records of 光明区 — per person a Patient and 19 clinical resources (5 % Patients) — go in batches of
# 10,000, the Patients of a batch before its clinical resources (as bulk NDJSON arrives); then the
# same rows are COPYed raw into empty copies of every table the write filled (the ceiling).
# Prints resources/s for Patients (person linkage), clinical resources and all, and the ratio to raw
# COPY. Runs in its own embedded PostgreSQL under target/test-data-*.
# Usage: bench/record-store.sh [RESOURCES] [BATCH]   (default 1000000 10000; target ≥ 20,000/s, ≥ 25 % of raw COPY)
set -euo pipefail
cd "$(dirname "$0")/.."
resources=${1:-1000000}
batch=${2:-10000}
log=$(mktemp /tmp/rhip-bench-record-XXXXXX)
mvn -B -q test -Dtest=RecordStoreBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Drhip.bench.resources="$resources" -Drhip.bench.batch="$batch" >"$log" 2>&1 || { tail -50 "$log" >&2; exit 1; }
grep '^bench:' "$log" | grep -v 'batch wall'
echo "(per-batch phases: grep RecordWriter $log)"
