#!/usr/bin/env bash
# Rentals benchmark (issue 5):
#  1. An organization with 2,000 units and 5 years of monthly charges (~120,000): the scheduler
#     creating them, then GET /api/ar-aging and GET /api/dashboard p50 (target < 100 ms each).
#  2. The monthly scheduler run for 100,000 leases (target < 60 s).
#
#   bash bench/rent.sh [sqlite|postgres]
#
# Databases live in $BENCH_DIR (default /tmp/gable-bench-rent-<backend>) and are recreated each
# run. Needs wrk. Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
connections="${CONNECTIONS:-8}"
duration="${DURATION:-10s}"
port="${PORT:-18183}"
dir="${BENCH_DIR:-/tmp/gable-bench-rent-$backend}"
units="${UNITS:-2000}"
years="${YEARS:-5}"
leases="${LEASES:-100000}"
as_of="${AS_OF:-2026-11-23}"

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/gable"
rm -rf "$dir" && mkdir -p "$dir"

# database_url <name>: a fresh database for one part of the benchmark.
database_url() {
  if [ "$backend" = postgres ]; then
    local admin="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
    psql -q "$admin" -c "DROP DATABASE IF EXISTS gable_bench_$1" -c "CREATE DATABASE gable_bench_$1" >/dev/null
    echo "${admin%/*}/gable_bench_$1"
  else
    echo "sqlite://$dir/$1.db"
  fi
}

config() {
  cat > "$dir/$1.toml" <<TOML
listen = "127.0.0.1:$port"
database_url = "$2"
log_level = "warn"
[plans.grow]
key_per_minute = 100000000
key_per_hour = 100000000
org_per_minute = 100000000
TOML
}

# 1. The portfolio, the scheduler over it, and the two reads.
config portfolio "$(database_url rent_portfolio)"
start=$(date +%s)
"$bin" --config "$dir/portfolio.toml" seed-rent --units "$units" --years "$years" --as-of "$as_of" > "$dir/seed.json"
echo "seeded and charged $units units x $years years in $(( $(date +%s) - start )) s: $(cat "$dir/seed.json" | sed -E 's/"key":"[^"]+",?//')"
key=$(sed -E 's/.*"key":"([^"]+)".*/\1/' "$dir/seed.json")

"$bin" --config "$dir/portfolio.toml" serve --no-workers >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

auth="Authorization: Bearer $key"
aging="/api/ar-aging?as_of=$as_of"
dashboard="/api/dashboard?as_of=$as_of"
rows=$(curl -sf -H "$auth" "http://127.0.0.1:$port$aging" | grep -o '"payment_id"' | wc -l)
echo "AR aging rows: $rows"
run() { wrk -t2 -c"$connections" -d"$duration" --latency "$@"; }
a=$(run -H "$auth" "http://127.0.0.1:$port$aging")
d=$(run -H "$auth" "http://127.0.0.1:$port$dashboard")
kill "$server"; wait "$server" 2>/dev/null || true
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
echo "backend=$backend connections=$connections duration=$duration"
printf '| request | req/s | p50 | p99 |\n|---|---|---|---|\n'
printf '| GET %s | %s | %s | %s |\n' "$aging" "$(rps "$a")" "$(pct "$a" 50%)" "$(pct "$a" 99%)"
printf '| GET %s | %s | %s | %s |\n' "$dashboard" "$(rps "$d")" "$(pct "$d" 50%)" "$(pct "$d" 99%)"
grep -E 'Non-2xx|Socket errors' <<<"$a$d" || true

# 2. The monthly run for many leases: seeded this month, charged by `gable rent run`.
config leases "$(database_url rent_leases)"
"$bin" --config "$dir/leases.toml" seed-rent --units "$leases" --years 0 --as-of "$as_of" --no-run > /dev/null
"$bin" --config "$dir/leases.toml" rent run --as-of "$as_of"
