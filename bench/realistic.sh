#!/usr/bin/env bash
# The headline benchmark: traffic as users produce it. 1,000,000 properties over $ORGS
# organizations (default 1,000), $KEYS_PER_ORG keys each; every request comes from the next
# caller (bench/realistic.lua) with its own filters, so no two requests in flight are alike.
# Against GET /health of the same server in the same run: varied lists, single gets, RSS idle
# and under load.
#
#   bash bench/realistic.sh [sqlite|postgres]
#
# The plan limits are the defaults raised only as far as the load needs: each key makes
# about (req/s ÷ callers) × 60 requests a minute, so key_per_minute is set to $KEY_PER_MINUTE
# (default 2,000: 1,000 keys at up to 33,000 req/s) and the rest in proportion. A 429 would show
# as "Non-2xx" below. The seeded database is kept in $BENCH_DIR (default
# /tmp/gable-bench-realistic-<backend>) and reused; delete it to seed again. Needs wrk.
# GABLE_BIN runs another binary, BENCH_DIR and (PostgreSQL) BENCH_DB_NAME point at a copy of
# the data: bench/compare.sh uses them to measure two builds in one session.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
connections="${CONNECTIONS:-64}"
duration="${DURATION:-10s}"
port="${PORT:-18183}"
dir="${BENCH_DIR:-/tmp/gable-bench-realistic-$backend}"
orgs="${ORGS:-1000}"
keys_per_org="${KEYS_PER_ORG:-1}"
properties="${PROPERTIES:-1000000}"
key_per_minute="${KEY_PER_MINUTE:-2000}"

# GABLE_BIN=path runs a given binary instead (to compare two builds in one session).
if [ -z "${GABLE_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${GABLE_BIN:-${CARGO_TARGET_DIR:-target}/release/gable}"
mkdir -p "$dir"

if [ "$backend" = postgres ]; then
  admin="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
  db="${BENCH_DB_NAME:-gable_bench_realistic}"
  url="${admin%/*}/$db"
  if [ ! -s "$dir/seed.json" ]; then
    psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  fi
else
  url="sqlite://$dir/gable.db"
fi

cat > "$dir/bench.toml" <<TOML
listen = "127.0.0.1:$port"
database_url = "$url"
log_level = "warn"
[plans.grow]
key_per_minute = $key_per_minute
key_per_hour = $((key_per_minute * 60))
org_per_minute = $((key_per_minute * keys_per_org))
TOML

if [ ! -s "$dir/seed.json" ]; then
  start=$(date +%s)
  "$bin" --config "$dir/bench.toml" seed --orgs "$orgs" --properties "$properties" \
    --big-org-properties $((properties / orgs)) --keys-per-org "$keys_per_org" > "$dir/seed.json"
  echo "seeded $properties properties and $((orgs * keys_per_org)) keys over $orgs organizations in $(( $(date +%s) - start )) s"
fi
python3 -c 'import json,sys; [print(c["key"], c["propertyId"]) for c in json.load(open(sys.argv[1]))["callers"]]' \
  "$dir/seed.json" > "$dir/callers.txt"
export CALLERS="$dir/callers.txt"

if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "port $port is already serving: stop that server first" >&2; exit 1
fi
"$bin" --config "$dir/bench.toml" serve >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
sleep 2
idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

run() { wrk -t2 -c"$connections" -d"$duration" --latency "$@" "http://127.0.0.1:$port/"; }
health=$(wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port/health")
lists=$(MODE=list run -s bench/realistic.lua)
gets=$(MODE=get run -s bench/realistic.lua)
peak_rss=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
echo "backend=$backend connections=$connections duration=$duration callers=$(wc -l < "$CALLERS") orgs=$orgs"
printf '| request | req/s | p50 | p99 | of /health |\n|---|---|---|---|---|\n'
h=$(rps "$health")
for row in "GET /health:$health" "varied lists, many keys:$lists" "single get, many keys:$gets"; do
  name=${row%%:*}; out=${row#*:}
  printf '| %s | %s | %s | %s | %s |\n' "$name" "$(rps "$out")" "$(pct "$out" 50%)" "$(pct "$out" 99%)" \
    "$(awk -v a="$(rps "$out")" -v h="$h" 'BEGIN {printf "%.1f%%", 100*a/h}')"
done
echo "RSS idle: $((idle_rss / 1024)) MiB, peak under load: $((peak_rss / 1024)) MiB"
grep -E 'Non-2xx|Socket errors' <<<"$health$lists$gets" || true
