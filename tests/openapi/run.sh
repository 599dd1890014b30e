#!/usr/bin/env bash
# The OpenAPI document against third-party tools: Spectral's `spectral:oas` ruleset must report
# nothing, and schemathesis (every check and phase, fixed seed, bounded examples) must find no
# failure against a live `gable serve --demo`.
#   tests/openapi/run.sh GABLE_BINARY VENV
# (SCHEMATHESIS_SEED and SCHEMATHESIS_MAX_EXAMPLES change the run; CI uses the defaults, 1 and 25.)
# VENV is a Python virtualenv with schemathesis; Spectral comes from this folder's lockfile.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gable="$1"
venv="$2"
port="${GABLE_OPENAPI_TEST_PORT:-18181}"
# shellcheck source=../demo-server.sh
source "$here/../demo-server.sh"

"$gable" openapi > "$demo_work/openapi.json"
npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
"$here/node_modules/.bin/spectral" lint "$demo_work/openapi.json" --ruleset "$here/.spectral.yaml" --fail-severity=warn

# The demo organization, with limits raised so the run measures the API, not the rate limiter,
# and event streams that end soon, so each answer to `GET /api/events/stream` can be checked.
demo_server "$gable" "$port" \
  GABLE_PLANS__ELITE__KEY_PER_MINUTE=1000000 GABLE_PLANS__ELITE__KEY_PER_HOUR=100000000 \
  GABLE_PLANS__ELITE__ORG_PER_MINUTE=1000000 \
  GABLE_RATE_LIMIT_CLASSES__AI__KEY_PER_HOUR=1000000 GABLE_RATE_LIMIT_CLASSES__AI__ORG_PER_HOUR=1000000 \
  GABLE_PUBLIC_PER_IP_PER_MINUTE=1000000 GABLE_AUTH_FAILURES_PER_IP_PER_MINUTE=1000000 \
  GABLE_WEBHOOK_STREAM_MAX_DURATION=200ms
cd "$demo_work"

"$venv/bin/st" --config-file "$here/schemathesis.toml" run "http://127.0.0.1:$port/openapi.json" \
  --url "http://127.0.0.1:$port" -H "Authorization: Bearer $demo_key" \
  --checks all --phases examples,coverage,fuzzing,stateful --no-color \
  --seed "${SCHEMATHESIS_SEED:-1}" --max-examples "${SCHEMATHESIS_MAX_EXAMPLES:-25}"
