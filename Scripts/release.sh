#!/usr/bin/env bash
# Builds a self-contained `lip` for this machine (release, the Swift runtime and Foundation linked
# in statically) and packs dist/lip-<version>-linux-<arch>.tar.gz with the binary, the LICENSE and
# a SHA-256 file. Only system libraries stay dynamic: libc, libsqlite3 (from the system, as GRDB
# uses it) and what Foundation's networking needs (libcurl, libz); `ldd dist/.../lip` lists them.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/LIPKit/Version.swift)
commit=$(git rev-parse HEAD 2>/dev/null || echo source)
arch=$(uname -m)
name="lip-$version-linux-$arch"
out="${1:-dist}"
restore() { git checkout -- Sources/LIPKit/BuildCommit.swift 2>/dev/null || true; }
trap restore EXIT
sed -i "s/public static let commit = \".*\"/public static let commit = \"$commit\"/" Sources/LIPKit/BuildCommit.swift
swift build -c release --static-swift-stdlib --product lip --scratch-path .build-release >&2
restore
mkdir -p "$out/$name"
cp .build-release/release/lip "$out/$name/lip"
cp LICENSE "$out/$name/LICENSE"
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
