#!/usr/bin/env bash
# The whole job on the data this repository ships: lint the LIPs, import the sample poll of
# LIP-120 (in the Confluence migration window) into the default ledger .lip/ledger.sqlite, tally
# it over L1 and L2, print the forum post, then import the cost sample (Costs/sample) and print what
# each protocol operation costs on L1 and L2. Safe to run again: imports are idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
# lip renders LIP bodies with cmark-gfm (lip site): Debian's packages, installed when missing.
if command -v dpkg >/dev/null 2>&1 && ! dpkg -s libcmark-gfm-dev libcmark-gfm-extensions-dev >/dev/null 2>&1; then
  sudo_cmd=""; [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  echo "installing Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev" >&2
  $sudo_cmd apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev >&2
fi
swift build --product lip >&2
lip=".build/debug/lip"
poll=Polls/LIP-120
echo "== lip lint (this repository's own LIPs)"
"$lip" lint
"$lip" list
echo
echo "== import the sample poll of LIP-120 into .lip/ledger.sqlite"
"$lip" ledger import snapshot "$poll/l1-snapshot.json" --chain l1 --block 14207040
"$lip" ledger import snapshot "$poll/l2-snapshot.csv" --chain l2 --block 6737210 --l1-block 14265000
"$lip" ledger import logs "$poll/l2-logs.json" --chain l2
echo
echo "== tally LIP-120 over L1 and L2"
"$lip" poll tally 120
echo
echo "== the forum post"
"$lip" poll export 120 --format forum --names "$poll/names.csv"
echo
echo "== what each protocol operation costs on L1 and L2 (Costs/sample)"
# L2: the devnet's gas on Livepeer's own contracts; L1: only what was measured on Ethereum.
"$lip" ledger import gas Costs/sample/l2-gas.csv --set confluence-sample
"$lip" ledger import gas Costs/sample/l1-gas.csv --set confluence-sample
"$lip" ledger import gas-prices Costs/sample/l1-prices.csv --chain l1
"$lip" ledger import gas-prices Costs/sample/l2-prices.csv --chain l2
"$lip" costs --set confluence-sample --eth-usd Costs/sample/eth-usd.csv
