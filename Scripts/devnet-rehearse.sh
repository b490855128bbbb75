#!/usr/bin/env bash
# Rehearses a poll and a proposal on the devnet (Livepeer's own contracts on a local py-evm chain),
# in one command: starts the devnet, writes networks.yaml, bonds and registers orchestrators,
# delegates, calls rewards over rounds, opens a poll, votes and overrides, mines past its end,
# syncs, tallies and exports it with lip; proposes on LivepeerGovernor, votes with and without a
# reason (a delegator overriding its orchestrator), carries the proposal to Succeeded, queues and
# executes it through the Treasury, syncs and tallies it; unbonds, rebonds, withdraws and claims;
# writes the gas of every protocol operation as a CSV; stops the devnet.
#
#   bash Scripts/devnet-rehearse.sh [DIR]
#
# DIR (default: a new temporary folder) receives networks.yaml, ledger.sqlite, the poll's forum
# post (poll.md), the tallies (poll.json, proposal.json) and gas.csv (operation,chain,gas,tx).
# lip is $LIP when set, else `lip` on PATH, else .build/debug/lip (built when missing).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

source "$root/Scripts/devnet-lib.sh"

mapfile -t a < <(accounts 8)
o1="${a[1]}" o2="${a[2]}" d1="${a[3]}" d2="${a[4]}" d3="${a[5]}"
echo "orchestrators $o1 and $o2 bond and register; three delegators bond"
for o in "$o1" "$o2"; do
  rpc devnet_bond "\"$o\"" "\"$o\"" "$(lpt 1000)" >/dev/null
  rpc devnet_register "\"$o\"" >/dev/null
done
rpc devnet_bond "\"$d1\"" "\"$o1\"" "$(lpt 300)" >/dev/null
rpc devnet_bond "\"$d2\"" "\"$o1\"" "$(lpt 100)" >/dev/null
rpc devnet_bond "\"$d3\"" "\"$o2\"" "$(lpt 200)" >/dev/null
for _ in 1 2; do
  echo "round $(rpc devnet_nextRound): rewards"
  rpc devnet_reward "\"$o1\"" >/dev/null
  rpc devnet_reward "\"$o2\"" >/dev/null
done

poll_json="$(rpc devnet_createPoll "\"$o1\"" '"QmRehearsal"')"
poll="$(field "$poll_json" poll)"
echo "poll $poll ends at block $(field "$poll_json" endBlock); votes: $o1 yes, $d1 no (overriding it), $o2 yes"
rpc devnet_vote "\"$o1\"" "\"$poll\"" 0 >/dev/null
rpc devnet_vote "\"$d1\"" "\"$poll\"" 1 >/dev/null
rpc devnet_vote "\"$o2\"" "\"$poll\"" 0 >/dev/null
rpc devnet_mine 65 >/dev/null

cd "$dir"
"$lip" ledger sync poll "$poll" --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite
"$lip" poll tally "$poll" --db ledger.sqlite
"$lip" poll tally "$poll" --db ledger.sqlite --format json >poll.json
"$lip" poll export "$poll" --db ledger.sqlite >poll.md
echo "the devnet's own tally from the contracts' views: $(rpc devnet_expected "\"$poll\"" | "$py" -c 'import json,sys; e=json.load(sys.stdin); print("yes", e["yes"], "no", e["no"], "->", e["result"])')"

proposal_json="$(rpc devnet_propose "\"$o1\"" '"---\nlip: 120\n---\n# A rehearsed proposal\n"')"
proposal="$(field "$proposal_json" id)"
echo "proposal $proposal: voting from round $(field "$proposal_json" snapshot) to $(field "$proposal_json" deadline)"
rpc devnet_nextRound 2 >/dev/null
rpc devnet_castVote "\"$o1\"" "\"$proposal\"" 1 >/dev/null
rpc devnet_castVote "\"$d2\"" "\"$proposal\"" 0 '"overriding my orchestrator"' >/dev/null
rpc devnet_castVote "\"$o2\"" "\"$proposal\"" 1 '"good value"' >/dev/null
rpc devnet_nextRound 3 >/dev/null
rpc devnet_queue "\"$proposal\"" >/dev/null
rpc devnet_execute "\"$proposal\"" >/dev/null
"$lip" ledger sync proposals --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite
"$lip" proposal tally "$proposal" --db ledger.sqlite
"$lip" proposal tally "$proposal" --db ledger.sqlite --format json >proposal.json

echo "a delegator unbonds, rebonds, unbonds again and withdraws after the unbonding period; another claims its earnings"
lock="$(rpc devnet_unbond "\"$d3\"" "$(lpt 50)")"
rpc devnet_rebond "\"$d3\"" "$lock" >/dev/null
lock="$(rpc devnet_unbond "\"$d3\"" "$(lpt 20)")"
rpc devnet_nextRound 3 >/dev/null
rpc devnet_withdrawStake "\"$d3\"" "$lock" >/dev/null
rpc devnet_claimEarnings "\"$d1\"" >/dev/null
rpc devnet_gasCSV >gas.csv
echo "gas of each protocol operation: $dir/gas.csv"

echo "every vote over time: the polls found on chain, a record, turnout, and what is due"
proposal2="$(field "$(rpc devnet_propose "\"$o2\"" '"# Still open at the end of the rehearsal\n"')" id)"
rpc devnet_nextRound 2 >/dev/null
"$lip" ledger sync polls --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite
"$lip" ledger sync proposals --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite
"$lip" poll list --db ledger.sqlite
"$lip" voter "$d1" --db ledger.sqlite
"$lip" turnout --db ledger.sqlite
"$lip" turnout --db ledger.sqlite --format svg -o turnout.svg
status=0
"$lip" due "$d3" --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite || status=$?
echo "lip due exited $status (1: a vote on proposal $proposal2 awaits $d3)"
[ "$status" = 1 ]

echo "the treasury: the reward cuts so far, an executed proposal, an ordinary transfer in"
treasury="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["treasury"])' "$dir/devnet.json")"
rpc devnet_transferLPT "\"$d1\"" "\"$treasury\"" "$(lpt 5)" >/dev/null
"$lip" ledger sync treasury --network devnet --networks networks.yaml --rpc "$url" --db ledger.sqlite
"$lip" treasury --db ledger.sqlite
"$lip" treasury --db ledger.sqlite --format svg -o treasury.svg
echo "the treasury's balanceOf on chain: $(rpc devnet_balanceOf "\"$treasury\"") wei"
echo "rehearsal done in $dir"
