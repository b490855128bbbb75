#!/usr/bin/env bash
# The action's second step: `lip lint --format github` (annotations, the README index included) and
# `lip index --check`; the step fails when either finds an error. Outputs `findings` and `errors`.
set -euo pipefail
lip="$(command -v lip || echo "${RUNNER_TEMP:-/tmp}/lip-bin/lip")"
workspace="${INPUT_WORKSPACE:-.}"
if [ ! -e "$workspace" ]; then
  echo "::error title=lip::the workspace '$workspace' does not exist" >&2
  exit 2
fi
if [ ! -d "$workspace" ]; then
  echo "::error title=lip::the workspace '$workspace' is not a folder" >&2
  exit 2
fi
cd "$workspace"
strict=()
[ "${INPUT_STRICT:-false}" = "true" ] && strict=(--strict)
annotations="$(mktemp)"
trap 'rm -f "$annotations"' EXIT
lint=0
"$lip" lint --format github "${strict[@]}" > "$annotations" || lint=$?
cat "$annotations"
index=0
"$lip" index --check >&2 || index=$?
findings=$(grep -c '^::' "$annotations" || true)
errors=$(grep -c '^::error' "$annotations" || true)
{ echo "findings=$findings"; echo "errors=$errors"; } >> "${GITHUB_OUTPUT:-/dev/null}"
if [ "$lint" -ge 2 ] || [ "$index" -ge 2 ]; then exit 2; fi
if [ "$lint" -ne 0 ] || [ "$index" -ne 0 ]; then exit 1; fi
