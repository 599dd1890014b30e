#!/usr/bin/env bash
# Two builds, one session: bench/realistic.sh with $NEW_BIN and $OLD_BIN alternately, $ROUNDS
# times (default 3), on the same data — the old build reads a copy of the seeded database
# whose migration records stop at $OLD_MIGRATION (default 60), so it starts on the newer
# schema. Quote the medians. OLD_NAME (default old) names the old build's copy of the data
# (/tmp/gable-bench-$OLD_NAME-<backend>, database gable_bench_$OLD_NAME), to compare several.
#
#   NEW_BIN=target/release/gable OLD_BIN=/path/to/old/gable bash bench/compare.sh [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
backend="${1:-sqlite}"
rounds="${ROUNDS:-3}"
old_migration="${OLD_MIGRATION:-60}"
new_dir="/tmp/gable-bench-realistic-$backend"
old_name="${OLD_NAME:-old}"
old_dir="/tmp/gable-bench-$old_name-$backend"
old_db="gable_bench_$old_name"
: "${NEW_BIN:?the new build}" "${OLD_BIN:?the old build}"
admin="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"

# Seed once with the new build (realistic.sh does it when $new_dir has no seed.json).
if [ ! -s "$new_dir/seed.json" ]; then
  GABLE_BIN="$NEW_BIN" DURATION=1s bash bench/realistic.sh "$backend" >/dev/null
fi
if [ ! -s "$old_dir/seed.json" ]; then
  mkdir -p "$old_dir"
  if [ "$backend" = postgres ]; then
    psql -q "$admin" -c "DROP DATABASE IF EXISTS $old_db" \
      -c "CREATE DATABASE $old_db TEMPLATE gable_bench_realistic" >/dev/null
    psql -q "${admin%/*}/$old_db" -c "DELETE FROM _sqlx_migrations WHERE version > $old_migration" >/dev/null
  else
    # The SQLite backup API, not cp: a plain copy of a WAL database can be torn.
    sqlite3 "$new_dir/gable.db" ".backup '$old_dir/gable.db'"
    sqlite3 "$old_dir/gable.db" "DELETE FROM _sqlx_migrations WHERE version > $old_migration"
  fi
  cp "$new_dir/seed.json" "$old_dir/seed.json"
fi

for round in $(seq 1 "$rounds"); do
  echo "## round $round: new ($NEW_BIN)"
  GABLE_BIN="$NEW_BIN" BENCH_DIR="$new_dir" bash bench/realistic.sh "$backend"
  echo "## round $round: old ($OLD_BIN)"
  GABLE_BIN="$OLD_BIN" BENCH_DIR="$old_dir" BENCH_DB_NAME="$old_db" bash bench/realistic.sh "$backend"
done
