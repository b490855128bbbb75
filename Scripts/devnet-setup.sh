#!/usr/bin/env bash
# Installs the devnet's Python packages (Tests/Devnet/requirements.txt, from PyPI) into
# .build/devnet-venv. Idempotent: does nothing when they are there.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/devnet-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import eth_tester, eth_abi" 2>/dev/null; then
  exit 0
fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r Tests/Devnet/requirements.txt
"$venv/bin/python" -c "import eth_tester, eth_abi"
