#!/usr/bin/env bash
# Rehearses the migration window (LIP-73) on the devnet's real L2Migrator, in one command: starts
# the devnet, sets an L1 snapshot (its Merkle root in MerkleSnapshot), runs every migration path
# (a claim by proof, an orchestrator migrating with its delegator pool, a delegator of an
# orchestrator that never migrates moving across, a claim from the pool at a new address), opens
# a poll voted across both domains, and has lip import the snapshot, check its root, read the
# migrations and the poll from the node and tally the window, beside the devnet's own count;
# writes the gas of every migration path as a CSV; stops the devnet. Exits 1 when lip's tally is
# not the devnet's.
#
#   bash Scripts/devnet-rehearse-migration.sh [DIR]
#
# DIR (default: a new temporary folder) receives networks.yaml, l1.json (the L1 snapshot),
# ledger.sqlite, window.json (the tally) and gas.csv (operation,chain,gas,tx).
# lip is $LIP when set, else `lip` on PATH, else .build/debug/lip (built when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
poll_period=40
source "$root/Scripts/devnet-lib.sh"

mapfile -t a < <(accounts 12)
o1="${a[1]}" d1="${a[2]}" d2="${a[3]}" d3="${a[4]}" o2="${a[5]}" d4="${a[6]}"
n="${a[7]}" o1l2="${a[8]}" d4l2="${a[9]}" d2l2="${a[10]}"
q() { echo "\"$1\""; }

echo "the L1 snapshot: $o1 (1000 LPT) with delegators $d1, $d2, $d3; $o2 (500 LPT, never migrates) with $d4"
snapshot="$(rpc devnet_setL1Snapshot "[[$(q "$o1"),$(q "$o1"),$(lpt 1000),\"0\"],[$(q "$d1"),$(q "$o1"),$(lpt 300),\"0\"],[$(q "$d2"),$(q "$o1"),$(lpt 200),\"0\"],[$(q "$d3"),$(q "$o1"),$(lpt 100),\"0\"],[$(q "$o2"),$(q "$o2"),$(lpt 500),\"0\"],[$(q "$d4"),$(q "$o2"),$(lpt 250),\"0\"]]" "$(q "$dir/l1.json")")"
l1_block="$(field "$snapshot" block)"
root_hash="$(field "$snapshot" root)"
echo "  its LIP-73 root $root_hash, set in MerkleSnapshot at block $l1_block"

echo "an L2-native orchestrator $n bonds 2000 LPT and registers"
rpc devnet_bond "$(q "$n")" "$(q "$n")" "$(lpt 2000)" >/dev/null
rpc devnet_register "$(q "$n")" >/dev/null
echo "$d1 claims its stake by Merkle proof before its orchestrator migrates (claimStake)"
rpc devnet_claimStake "$(q "$d1")" >/dev/null
rpc devnet_nextRound >/dev/null
echo "$o1 migrates to $o1l2 (finalizeMigrateDelegator: a self-bond and a pool for its unmigrated delegators), which registers"
rpc devnet_migrate "$(q "$o1")" "$(q "$o1l2")" >/dev/null
rpc devnet_register "$(q "$o1l2")" >/dev/null
echo "  its pool: $(rpc devnet_delegatorPool "$(q "$o1")")"
echo "$d4, delegator of $o2 (never migrates), moves across to $d4l2"
rpc devnet_migrate "$(q "$d4")" "$(q "$d4l2")" >/dev/null
rpc devnet_nextRound >/dev/null
rpc devnet_reward "$(q "$o1l2")" >/dev/null
echo "$d2 claims its share of the pool at $d2l2"
rpc devnet_migrate "$(q "$d2")" "$(q "$d2l2")" >/dev/null

poll_json="$(rpc devnet_createPoll "$(q "$n")" '"QmMigrationWindow"')"
poll="$(field "$poll_json" poll)"
echo "poll $poll ends at block $(field "$poll_json" endBlock); votes: $o1l2 yes, $d3 (unmigrated, a pool share) no, $o2 (on L1) yes, $n no"
rpc devnet_vote "$(q "$o1l2")" "$(q "$poll")" 0 >/dev/null
rpc devnet_vote "$(q "$d3")" "$(q "$poll")" 1 >/dev/null
rpc devnet_vote "$(q "$o2")" "$(q "$poll")" 0 >/dev/null
rpc devnet_vote "$(q "$n")" "$(q "$poll")" 1 >/dev/null
rpc devnet_mine 45 >/dev/null

cd "$dir"
net=(--network devnet --networks networks.yaml --db ledger.sqlite)
"$lip" ledger import snapshot l1.json --chain l1 --block "$l1_block" "${net[@]}"
"$lip" ledger verify-snapshot --chain l1 --block "$l1_block" --root "$root_hash" --db ledger.sqlite
"$lip" ledger sync migrations "${net[@]}" --rpc "$url"
"$lip" ledger sync poll "$poll" --full "${net[@]}" --rpc "$url"
"$lip" ledger status --db ledger.sqlite
"$lip" poll tally "$poll" --stake l1+l2 --db ledger.sqlite
"$lip" poll tally "$poll" --stake l1+l2 --db ledger.sqlite --format json >window.json
ours="$("$py" -c 'import json,sys; t=json.load(open(sys.argv[1])); print("yes", t["yes"], "no", t["no"], "of", t["totalStake"], "->", t["result"])' window.json)"
theirs="$(rpc devnet_expectedWindow "$(q "$poll")" | "$py" -c 'import json,sys; e=json.load(sys.stdin); print("yes", e["yes"], "no", e["no"], "of", e["totalStake"], "->", e["result"])')"
echo "lip's count of the window:           $ours"
echo "the devnet's own, from the contracts: $theirs"
rpc devnet_gasCSV >gas.csv
echo "gas of each operation, the migration paths among them: $dir/gas.csv"
if [ "$ours" != "$theirs" ]; then
  echo "devnet-rehearse-migration: lip's tally of the window is not the devnet's" >&2
  exit 1
fi
echo "rehearsal done in $dir"
