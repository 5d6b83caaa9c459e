#!/usr/bin/env bash
# Deletes one sandbox stack and everything in it (nothing is retained).
#
#   scripts/destroy.sh -c stage=alice [other cdk destroy flags]
#
# Every argument goes to `cdk destroy --force` unchanged. `cdk destroy` runs the CDK app but does not
# bundle the functions, so it works even while function code does not build. Without a checkout:
#   aws cloudformation delete-stack --stack-name PgSandbox-<stage>
set -euo pipefail
cd "$(dirname "$0")/.."

export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

npx --no-install cdk destroy --force "$@"
