#!/usr/bin/env bash
# The action's first step: puts `lip` on the job's PATH. The release tarball of INPUT_VERSION (from
# INPUT_RELEASE_URL, default this action's GitHub release), its SHA-256 checked; or, with
# INPUT_FROM_SOURCE=true, a release build of the action's own source.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${RUNNER_TEMP:-/tmp}/lip-bin"
mkdir -p "$bin"
if [ "${INPUT_FROM_SOURCE:-false}" = "true" ]; then
  swift build -c release --product lip --package-path "$here" >&2
  cp "$here/.build/release/lip" "$bin/lip"
else
  version="${INPUT_VERSION:?the lip version to install}"
  arch="$(uname -m)"
  name="lip-$version-linux-$arch"
  url="${INPUT_RELEASE_URL:-}"
  [ -n "$url" ] || url="https://github.com/${ACTION_REPOSITORY:?}/releases/download/v$version/$name.tar.gz"
  work="$(mktemp -d)"
  curl --fail --silent --show-error --location "$url" -o "$work/$name.tar.gz"
  curl --fail --silent --show-error --location "$url.sha256" -o "$work/$name.tar.gz.sha256"
  (cd "$work" && sha256sum --check --status "$name.tar.gz.sha256") || { echo "::error title=lip::$name.tar.gz does not match its SHA-256" >&2; exit 2; }
  tar -xzf "$work/$name.tar.gz" -C "$work"
  cp "$work/$name/lip" "$bin/lip"
fi
chmod +x "$bin/lip"
echo "$bin" >> "${GITHUB_PATH:-/dev/null}"
"$bin/lip" --version
