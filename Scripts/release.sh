#!/usr/bin/env bash
# Builds a self-contained `lip` for this machine (release, the Swift runtime and Foundation linked
# in statically) and packs dist/lip-<version>-linux-<arch>.tar.gz with the binary, the LICENSE and
# a SHA-256 file. Only system libraries stay dynamic: libc (and libm), libstdc++ (libgcc is linked
# in), libsqlite3 (GRDB uses the system's) and libcurl (Foundation's networking); `readelf -d`. cmark-gfm
# (lip site) is linked from its static archives (LIP_STATIC_CMARK=1 in Package.swift).
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/LIPKit/Version.swift)
arch=$(uname -m)
name="lip-$version-linux-$arch"
out="${1:-dist}"
# The commit `lip --version` names is written by the BuildCommitPlugin at build time.
# Foundation's networking (for `lip ledger sync`) links the system's libcurl: point the linker at
# its runtime library when the -dev package (libcurl.so) is not installed.
links=.build-release/system-libs
mkdir -p "$links"
curl_lib=$(ldconfig -p | sed -n 's/.*libcurl\.so\.4 (libc6,x86-64) => //p; s/.*libcurl\.so\.4 (libc6,AArch64) => //p' | head -n 1)
[ -n "$curl_lib" ] && ln -sf "$curl_lib" "$links/libcurl.so"
LIP_STATIC_CMARK=1 LIP_CROSS_MODULE_OPTIMIZATION=1 swift build -c release --static-swift-stdlib -Xlinker -L"$PWD/$links" -Xswiftc -Xclang-linker -Xswiftc -static-libstdc++ -Xswiftc -Xclang-linker -Xswiftc -static-libgcc --product lip --scratch-path .build-release >&2
mkdir -p "$out/$name"
cp .build-release/release/lip "$out/$name/lip"
cp LICENSE "$out/$name/LICENSE"
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
