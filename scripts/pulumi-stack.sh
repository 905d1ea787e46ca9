#!/usr/bin/env bash
# Runs a Pulumi CLI command against one stack of the reference program.
# Usage: scripts/pulumi-stack.sh <preview|up|destroy> [STACK] [extra pulumi args...]
# The stack comes from the first argument, else $STACK, else "dev".
set -euo pipefail
cmd="${1:?usage: pulumi-stack.sh <preview|up|destroy> [STACK] [pulumi args...]}"; shift
stack="${STACK:-dev}"
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then stack="$1"; shift; fi
case "$stack" in dev|staging|prod) ;; *) echo "unknown stack '$stack': choose dev, staging or prod (Pulumi.<stack>.yaml)" >&2; exit 2;; esac
if ! command -v pulumi >/dev/null 2>&1; then
  echo "pulumi CLI not found: install it (https://www.pulumi.com/docs/install/) to run '$cmd' against stack '$stack'; the offline check needs no CLI: npm start" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
case "$cmd" in
  preview) exec pulumi preview --stack "$stack" --policy-pack policies "$@" ;;
  up) exec pulumi up --stack "$stack" --policy-pack policies "$@" ;;
  destroy) exec pulumi destroy --stack "$stack" "$@" ;;
  *) echo "unknown command '$cmd': use preview, up or destroy" >&2; exit 2 ;;
esac
