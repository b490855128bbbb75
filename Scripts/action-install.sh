#!/usr/bin/env bash
# The action's first step: puts `lip` on the job's PATH. The release tarball of INPUT_VERSION (from
# INPUT_RELEASE_URL, default this action's GitHub release), its SHA-256 checked; or, with
# INPUT_FROM_SOURCE=true, a release build of the action's own source.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${RUNNER_TEMP:-/tmp}/lip-bin"
mkdir -p "$bin"
if [ "${INPUT_FROM_SOURCE:-false}" = "true" ]; then
  # lip links cmark-gfm (lip site): Debian's and Ubuntu's -dev packages.
  if ! dpkg -s libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null 2>&1; then
    sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq >&2 && $sudo_cmd apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev >&2
  fi
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
  # The expected hash is the first word of the .sha256 file, and it is compared here with the
  # tarball's own SHA-256: no file name written in the download is ever checked instead.
  expected="$(head -c 4096 "$work/$name.tar.gz.sha256" | awk 'NR == 1 { print tolower($1) }')"
  if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]]; then
    echo "::error title=lip::$name.tar.gz.sha256 does not start with a SHA-256 (64 hex digits)" >&2
    exit 2
  fi
  actual="$(sha256sum "$work/$name.tar.gz" | awk '{ print $1 }')"
  if [ "$actual" != "$expected" ]; then
    echo "::error title=lip::$name.tar.gz does not match its SHA-256 (expected $expected, got $actual)" >&2
    exit 2
  fi
  tar -xzf "$work/$name.tar.gz" -C "$work"
  cp "$work/$name/lip" "$bin/lip"
fi
chmod +x "$bin/lip"
echo "$bin" >> "${GITHUB_PATH:-/dev/null}"
"$bin/lip" --version
