#!/usr/bin/env bash
# Counts the public declarations of the library's sources (a line of Sources/LIP*/ that declares
# something `public`, attributes before it included): ARCHITECTURE.md states this number, and
# .ci/run checks that it still does.
#
#   bash Scripts/public-surface.sh          the count
#   bash Scripts/public-surface.sh --check  exit 1 when ARCHITECTURE.md states another
set -euo pipefail
cd "$(dirname "$0")/.."
count=$(grep -rhE '^\s*(@[A-Za-z_]+(\([^)]*\))? )*public ' Sources/LIP* --include='*.swift' | wc -l | tr -d ' ')
if [ "${1:-}" = "--check" ]; then
  stated=$(sed -n 's/.*Public declarations today: \([0-9,]*\).*/\1/p' ARCHITECTURE.md | tr -d ',' | head -n 1)
  if [ "$stated" != "$count" ]; then
    echo "ARCHITECTURE.md says ${stated:-no number of} public declarations; Sources/LIP* has $count (bash Scripts/public-surface.sh)"
    exit 1
  fi
  echo "public declarations: $count, as ARCHITECTURE.md says"
else
  echo "$count"
fi
