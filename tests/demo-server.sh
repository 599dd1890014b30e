# Sourced by the scripts that test against a live server (tests/openapi/run.sh, sdk/test.sh):
#   demo_server GABLE_BINARY PORT [NAME=VALUE…]
# starts `gable serve --demo` on 127.0.0.1:PORT with a fresh SQLite database in a temporary folder
# and the extra environment given, waits for /health and sets `demo_key` to the demo API key. The
# server stops when the script exits; on a failure the end of its log is printed.
demo_work="$(mktemp -d)"
demo_pid=""
demo_finish() {
  local status=$?
  [ -z "$demo_pid" ] || kill "$demo_pid" 2>/dev/null || true
  # On a failure, what the server logged (warnings and errors) says why.
  if [ "$status" -ne 0 ] && [ -f "$demo_work/server.log" ]; then tail -n 40 "$demo_work/server.log"; fi
  rm -rf "$demo_work"
}
trap demo_finish EXIT

demo_server() {
  local gable="$1" port="$2"
  shift 2
  env "$@" GABLE_DATABASE_URL="sqlite://$demo_work/gable.db" GABLE_SECRET_KEY_FILE="$demo_work/secret.key" \
    GABLE_LOG_LEVEL=warn "$gable" serve --demo --listen "127.0.0.1:$port" > "$demo_work/server.log" 2>&1 &
  demo_pid=$!
  for _ in $(seq 1 100); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
    sleep 0.2
  done
  demo_key="$(grep -o 'gbl_live_[A-Za-z0-9]*' "$demo_work/server.log" | head -1)"
  [ -n "$demo_key" ] || { cat "$demo_work/server.log"; echo "no demo key" >&2; return 1; }
}
