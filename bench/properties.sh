#!/usr/bin/env bash
# List benchmark: 1,000,000 properties over 1,000 organizations, then
# GET /api/properties?status=ACTIVE&featured=true&limit=20 at page 1 and at page 1,000 of the
# big organization, against GET /health of the same server in the same run; then page 1 with a
# different query string on every request (no shared reads), and both pages from one connection.
#
#   bash bench/properties.sh [sqlite|postgres]
#
# The seeded database is kept in $BENCH_DIR (default /tmp/gable-bench-<backend>) and reused by
# later runs; delete it to seed again. Needs wrk. Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
connections="${CONNECTIONS:-64}"
duration="${DURATION:-10s}"
port="${PORT:-18182}"
dir="${BENCH_DIR:-/tmp/gable-bench-$backend}"
orgs="${ORGS:-1000}"
properties="${PROPERTIES:-1000000}"
big="${BIG_ORG_PROPERTIES:-100000}"

# GABLE_BIN=path runs a given binary instead (to compare two builds in one session).
if [ -z "${GABLE_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${GABLE_BIN:-${CARGO_TARGET_DIR:-target}/release/gable}"
mkdir -p "$dir"

if [ "$backend" = postgres ]; then
  admin="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
  url="${admin%/*}/gable_bench_properties"
  if [ ! -s "$dir/seed.json" ]; then
    psql -q "$admin" -c "DROP DATABASE IF EXISTS gable_bench_properties" -c "CREATE DATABASE gable_bench_properties" >/dev/null
  fi
else
  url="sqlite://$dir/gable.db"
fi

cat > "$dir/bench.toml" <<TOML
listen = "127.0.0.1:$port"
database_url = "$url"
log_level = "warn"
[plans.grow]
key_per_minute = 100000000
key_per_hour = 100000000
org_per_minute = 100000000
TOML

if [ ! -s "$dir/seed.json" ]; then
  start=$(date +%s)
  "$bin" --config "$dir/bench.toml" seed --orgs "$orgs" --properties "$properties" --big-org-properties "$big" > "$dir/seed.json"
  echo "seeded $properties properties over $orgs organizations in $(( $(date +%s) - start )) s"
fi
key=$(sed -E 's/.*"key":"([^"]+)".*/\1/' "$dir/seed.json")
after=$(sed -E 's/.*"page1000After":"([^"]+)".*/\1/' "$dir/seed.json")

if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "port $port is already serving: stop that server first" >&2; exit 1
fi
"$bin" --config "$dir/bench.toml" serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done

list="/api/properties?status=ACTIVE&featured=true&limit=20"
auth="Authorization: Bearer $key"
# Sanity: both pages answer 20 items.
for path in "$list" "$list&startingAfter=$after"; do
  n=$(curl -sf -H "$auth" "http://127.0.0.1:$port$path" | grep -o '"id":"prop_' | wc -l)
  [ "$n" = 20 ] || { echo "expected 20 items from $path, got $n" >&2; exit 1; }
done

run() { wrk -t2 -c"$connections" -d"$duration" --latency "$@"; }
health=$(run "http://127.0.0.1:$port/health")
page1=$(run -H "$auth" "http://127.0.0.1:$port$list")
page1000=$(run -H "$auth" "http://127.0.0.1:$port$list&startingAfter=$after")
# Page 1 again with a different query string on every request in flight (bench/varied.lua), so
# no two requests alike.
varied=$(run -s bench/varied.lua -H "$auth" "http://127.0.0.1:$port$list")

# The same two requests from one connection: the latency a single client sees, without the
# queueing of 64 connections on two cores.
single1=$(wrk -t1 -c1 -d"${SINGLE_DURATION:-5s}" --latency -H "$auth" "http://127.0.0.1:$port$list")
single1000=$(wrk -t1 -c1 -d"${SINGLE_DURATION:-5s}" --latency -H "$auth" "http://127.0.0.1:$port$list&startingAfter=$after")

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
echo "backend=$backend connections=$connections duration=$duration"
printf '| request | req/s | p50 | p99 |\n|---|---|---|---|\n'
printf '| GET /health | %s | %s | %s |\n' "$(rps "$health")" "$(pct "$health" 50%)" "$(pct "$health" 99%)"
printf '| page 1 | %s | %s | %s |\n' "$(rps "$page1")" "$(pct "$page1" 50%)" "$(pct "$page1" 99%)"
printf '| page 1,000 | %s | %s | %s |\n' "$(rps "$page1000")" "$(pct "$page1000" 50%)" "$(pct "$page1000" 99%)"
printf '| page 1, all queries different | %s | %s | %s |\n' "$(rps "$varied")" "$(pct "$varied" 50%)" "$(pct "$varied" 99%)"
printf '| page 1, one connection | %s | %s | %s |\n' "$(rps "$single1")" "$(pct "$single1" 50%)" "$(pct "$single1" 99%)"
printf '| page 1,000, one connection | %s | %s | %s |\n' "$(rps "$single1000")" "$(pct "$single1000" 50%)" "$(pct "$single1000" 99%)"
awk -v a="$(rps "$page1")" -v b="$(rps "$page1000")" -v h="$(rps "$health")" \
  -v v="$(rps "$varied")" \
  'BEGIN {printf "page 1 : /health = %.1f%%, page 1,000 : /health = %.1f%%, all different : /health = %.1f%%\n", 100*a/h, 100*b/h, 100*v/h}'
grep -E 'Non-2xx|Socket errors' <<<"$health$page1$page1000$varied" || true
