#!/usr/bin/env bash
# Deploys (or updates) one sandbox stack, then prints its outputs.
#
#   scripts/deploy.sh -c stage=alice [-c lifetimeDays=3] [-c apiConcurrency=0] [-c owner=alice] [other cdk deploy flags]
#
# Every argument goes to `cdk deploy` unchanged. Needs AWS credentials and a bootstrapped
# account/region (see docs/deploy.md).
set -euo pipefail
cd "$(dirname "$0")/.."

export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

outputs="$(mktemp "${TMPDIR:-/tmp}/pg-sandbox-outputs.XXXXXX.json")"
trap 'rm -f "$outputs"' EXIT

npx --no-install cdk deploy --outputs-file "$outputs" "$@"

# shellcheck disable=SC2016 # the single quotes hold JavaScript, not shell
node -e '
const all = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
for (const [stack, outputs] of Object.entries(all)) {
  console.log(`\n${stack}`);
  for (const [key, value] of Object.entries(outputs)) console.log(`  ${key.padEnd(20)} ${value}`);
  if (outputs.SeedSecretLocation) console.log(`\nAPI secret of the seeded store:\n  ${outputs.SeedSecretLocation}`);
}
' "$outputs"
