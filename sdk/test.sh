#!/usr/bin/env bash
# Both SDKs' own tests (node's test runner, pytest) against a live `gable serve --demo`:
#   sdk/test.sh GABLE_BINARY VENV
# The server allows webhooks to loopback (the tests receive deliveries) and allows each key two
# AI requests an hour, so a test meets a real 429. Each suite makes its own key with the demo one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gable="$1"
venv="$2"
port="${GABLE_SDK_TEST_PORT:-18282}"
# shellcheck source=../tests/demo-server.sh
source "$here/../tests/demo-server.sh"
demo_server "$gable" "$port" GABLE_WEBHOOK_ALLOWED_SUBNETS=127.0.0.0/8 \
  GABLE_RATE_LIMIT_CLASSES__AI__KEY_PER_HOUR=2 GABLE_RATE_LIMIT_CLASSES__AI__ORG_PER_HOUR=1000
export GABLE_API_URL="http://127.0.0.1:$port" GABLE_API_KEY="$demo_key"

echo "--- TypeScript SDK"
npm ci --prefix "$here/typescript" --no-audit --no-fund --loglevel=error
npm test --prefix "$here/typescript"

echo "--- Python SDK"
# The hand-written layer and tests are ruff-clean (sdk/python/pyproject.toml; ruff comes with generate.sh).
(cd "$here/python" && "$venv/bin/ruff" check gable tests && "$venv/bin/ruff" format --check gable tests)
# Installed from a copy, so that building the package leaves nothing in the clone.
cp -r "$here/python" "$demo_work/python"
"$venv/bin/pip" install -q --disable-pip-version-check "$demo_work/python[test]"
(cd "$here/python" && PYTHONDONTWRITEBYTECODE=1 "$venv/bin/python" -m pytest -q -p no:cacheprovider tests)
