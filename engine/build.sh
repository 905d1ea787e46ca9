#!/usr/bin/env bash
# Builds the pinned Pulumi CLI and the kit's Node language host from the Go module proxy into a cache
# outside the clone, once per version; later runs reuse it. Prints one line saying what it did.
# The directory holding both binaries is printed by `engine/build.sh --print-dir`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$(tr -d '[:space:]' < "$here/pulumi-version")
cache=${PIPELINE_KIT_ENGINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pipeline-compliance-kit/engine}
dir="$cache/$version"
bin="$dir/bin"
# The language host is rebuilt when its own source changes, the CLI only when the pin does.
langhost_key=$(cat "$here/langhost/go.mod" "$here/langhost/go.sum" "$here"/langhost/*.go | sha256sum | cut -c1-16)

if [ "${1:-}" = "--print-dir" ]; then
  echo "$bin"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "engine: not built: Go is not installed (the conformance suite needs Go 1.26 or a pulumi on PATH)" >&2
  exit 1
fi

built=()
start=$(date +%s)
mkdir -p "$bin"
if [ ! -x "$bin/pulumi" ]; then
  work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
  module_dir=$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  [ -n "$module_dir" ] || { echo "engine: go mod download of github.com/pulumi/pulumi/pkg/v3@$version gave no directory" >&2; exit 1; }
  cp -r "$module_dir" "$work/pkg"
  chmod -R u+w "$work/pkg"
  # The CLI's go.mod points its SDK at a sibling folder of the repository; use the published module.
  (cd "$work/pkg" &&
    go mod edit -dropreplace=github.com/pulumi/pulumi/sdk/v3 -require="github.com/pulumi/pulumi/sdk/v3@$version" &&
    GOFLAGS=-mod=mod go build -trimpath \
      -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
      -o "$bin/pulumi.tmp" ./cmd/pulumi)
  mv "$bin/pulumi.tmp" "$bin/pulumi"
  built+=("pulumi $version")
fi
if [ "$(cat "$bin/.langhost-key" 2>/dev/null)" != "$langhost_key" ] || [ ! -x "$bin/pulumi-language-nodejs" ]; then
  (cd "$here/langhost" && go build -trimpath -ldflags "-X main.version=${version#v}" -o "$bin/pulumi-language-nodejs.tmp" .)
  mv "$bin/pulumi-language-nodejs.tmp" "$bin/pulumi-language-nodejs"
  echo "$langhost_key" > "$bin/.langhost-key"
  built+=("language host")
fi
if [ ${#built[@]} -eq 0 ]; then
  echo "engine: pulumi $version already built in $bin"
else
  echo "engine: built $(IFS=,; echo "${built[*]}" | sed 's/,/ and /') in $(( $(date +%s) - start )) s into $bin"
fi
