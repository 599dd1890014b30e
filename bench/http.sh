#!/usr/bin/env bash
# Load benchmark: authenticated, rate-limit-checked GET /api/keys against GET /health of the
# same server in the same run (wrk on loopback), plus idle and peak RSS.
#
#   bash bench/http.sh [sqlite|postgres]      # default sqlite; postgres uses $BENCH_DATABASE_URL
#
# Needs wrk (apt-get install wrk). Builds the release binary first.
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
connections="${CONNECTIONS:-64}"
duration="${DURATION:-10s}"
port="${PORT:-18181}"

# GABLE_BIN=path runs a given binary instead (to compare two builds in one session).
if [ -z "${GABLE_BIN:-}" ]; then cargo build --release --quiet; fi
bin="${GABLE_BIN:-${CARGO_TARGET_DIR:-target}/release/gable}"
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ "$backend" = postgres ]; then
  admin="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
  db="gable_bench_$$"
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  url="${admin%/*}/$db"
else
  url="sqlite://$work/gable.db"
fi

# Limits high enough that the benchmark measures the limiter, not 429s.
cat > "$work/bench.toml" <<TOML
listen = "127.0.0.1:$port"
database_url = "$url"
log_level = "warn"
[plans.grow]
key_per_minute = 100000000
key_per_hour = 100000000
org_per_minute = 100000000
TOML

org=$("$bin" --config "$work/bench.toml" org create --name "Bench Realty" --plan grow --json | sed -E 's/.*"id":"([^"]+)".*/\1/')
key=$("$bin" --config "$work/bench.toml" key create --org "$org" --name bench --json | sed -E 's/.*"key":"([^"]+)".*/\1/')

if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "port $port is already serving: stop that server first" >&2; exit 1
fi
"$bin" --config "$work/bench.toml" serve >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
sleep 1
idle_rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status")

run() { # path, extra wrk args...
  local path=$1; shift
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "http://127.0.0.1:$port$path"
}
health=$(run /health)
keys=$(run /api/keys -H "Authorization: Bearer $key")
peak_rss=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")

rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' <<<"$1"; }
h_rps=$(rps "$health"); k_rps=$(rps "$keys")
echo "backend=$backend connections=$connections duration=$duration"
printf '| endpoint | req/s | p50 | p99 |\n|---|---|---|---|\n'
printf '| GET /health | %s | %s | %s |\n' "$h_rps" "$(pct "$health" 50%)" "$(pct "$health" 99%)"
printf '| GET /api/keys (auth + rate limit) | %s | %s | %s |\n' "$k_rps" "$(pct "$keys" 50%)" "$(pct "$keys" 99%)"
awk -v k="$k_rps" -v h="$h_rps" 'BEGIN {printf "ratio /api/keys : /health = %.1f%%\n", 100 * k / h}'
echo "RSS idle: $((idle_rss / 1024)) MiB, peak under load: $((peak_rss / 1024)) MiB"
grep -E 'Non-2xx|Socket errors' <<<"$health$keys" || true

if [ "$backend" = postgres ]; then
  kill "$server"; wait "$server" 2>/dev/null || true
  psql -q "$admin" -c "DROP DATABASE IF EXISTS $db" >/dev/null
fi
