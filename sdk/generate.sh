#!/usr/bin/env bash
# Regenerates the SDKs' generated parts from the server's OpenAPI document:
#   sdk/openapi.json                 `gable openapi`, the document both are generated from
#   sdk/typescript/src/schema.d.ts   openapi-typescript (version in sdk/typescript/package-lock.json)
#   sdk/python/gable_api/            openapi-python-client (version below), settings in generator.yaml
#   sdk/generate.sh GABLE_BINARY VENV
# VENV is a Python virtualenv; the generator is installed into it. CI runs this and fails when
# the result differs from what is committed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
gable="$1"
venv="$2"

"$gable" openapi > "$here/openapi.json"

npm ci --prefix "$here/typescript" --no-audit --no-fund --loglevel=error
"$here/typescript/node_modules/.bin/openapi-typescript" "$here/openapi.json" \
  -o "$here/typescript/src/schema.d.ts"

# The generator formats its output with ruff, pinned too: another version may format differently.
"$venv/bin/pip" install -q --disable-pip-version-check openapi-python-client==0.29.1 ruff==0.17.6
PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate --path "$here/openapi.json" \
  --config "$here/python/generator.yaml" --meta none --output-path "$here/python/gable_api" --overwrite
