#!/usr/bin/env python3
"""A local EVM running Livepeer's own L2 protocol, served over JSON-RPC on 127.0.0.1.

It runs py-evm (through eth-tester) and deploys Livepeer's contracts from their published
deployment artifacts (vendor/; see vendor/README.md for origin, commit and licence): the
Controller, LivepeerToken (L2), the BondingManager, RoundsManager, BondingVotes, TicketBroker and
LivepeerGovernor behind their ManagerProxy, the Minter, the Treasury (the governor's timelock),
L2LPTDataCache, PollCreator, the L2Migrator (behind the bridge's own proxy) with the DelegatorPool
it clones and the MerkleSnapshot holding the LIP-73 root, and Multicall3 at its canonical address
from its presigned transaction. The owner account stands for the L1Migrator's aliased address (see
docs/devnet.md), so every migration path runs on the real L2Migrator. Rounds last 20 blocks;
`--poll-period N` patches PollCreator's one constant POLL_PERIOD (57,600 blocks) so that a poll
ends after N blocks. No contract is a stand-in.

It prints one JSON line (the addresses, `port`, `chainId`, `firstBlock`, `roundLength`) and serves
until it is killed (Ctrl-C, SIGTERM), or with --stdin until its standard input closes.
`--networks-out FILE` writes a networks.yaml naming it `devnet`.

Standard JSON-RPC (what lip and other clients use): eth_chainId, eth_blockNumber,
eth_getBlockByNumber (full transactions too), eth_getLogs, eth_call, eth_getCode,
eth_getTransactionReceipt, eth_feeHistory, eth_gasPrice, eth_sendTransaction (from its own unlocked
accounts), eth_sendRawTransaction, batches of them
(over `batchLimit`: geth's one -32600 "batch too large" error with the first call's id).
"""

import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from eth_abi import decode, encode
from eth_tester import EthereumTester, PyEVMBackend
from eth_utils import keccak, to_checksum_address

from protocol import LPT, MAX_UINT, Protocol, artifact, calldata

VOTE_TOPIC = "0x" + keccak(text="Vote(address,uint256)").hex()
POLL_CREATED_TOPIC = "0x" + keccak(text="PollCreated(address,bytes,uint256,uint256,uint256)").hex()
PROPOSAL_CREATED_TOPIC = "0x" + keccak(text="ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)").hex()
VOTE_CAST_TOPIC = "0x" + keccak(text="VoteCast(address,uint256,uint8,uint256,string)").hex()
VOTE_CAST_WITH_PARAMS_TOPIC = "0x" + keccak(text="VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)").hex()
UNBOND_TOPIC = "0x" + keccak(text="Unbond(address,address,uint256,uint256,uint256)").hex()
MIGRATE_FINALIZED_TOPIC = "0x" + keccak(text="MigrateDelegatorFinalized((address,address,uint256,uint256,uint256,address))").hex()
STAKE_CLAIMED_TOPIC = "0x" + keccak(text="StakeClaimed(address,address,uint256,uint256)").hex()
POOL_CREATED_TOPIC = "0x" + keccak(text="DelegatorPoolCreated(address,address)").hex()
ZERO = "0x" + "00" * 20

# The methods that drive the chain, with their arguments: `--help` and devnet_help list them.
METHODS = [
    ("devnet_help()", "these lines"),
    ("devnet_accounts(n)", "the first n funded accounts (account 0 deployed the protocol and owns it)"),
    ("devnet_mint(account, wei)", "mints LPT to account"),
    ("devnet_bond(delegator, delegate, wei)", "BondingManager.bond(wei, delegate) from delegator (LPT minted and approved first): adds wei to its bond; "
     "a new delegate takes the whole bond"),
    ("devnet_bondMany(delegators, delegate, wei)", "devnet_bond for each delegator"),
    ("devnet_unbond(delegator, wei)", "BondingManager.unbond(wei); the unbonding lock id"),
    ("devnet_rebond(delegator, lockId)", "BondingManager.rebond(lockId)"),
    ("devnet_withdrawStake(delegator, lockId)", "BondingManager.withdrawStake(lockId), after the unbonding period"),
    ("devnet_transferBond(delegator, receiver, wei)", "BondingManager.transferBond(receiver, wei, …) from delegator"),
    ("devnet_register(orchestrator[, rewardCut, feeShare])", "BondingManager.transcoder(rewardCut, feeShare) (default 500000 each); "
     "the orchestrator must be bonded to itself"),
    ("devnet_reward(orchestrator)", "BondingManager.reward() (the orchestrator must be active this round)"),
    ("devnet_claimEarnings(delegator)", "BondingManager.claimEarnings(current round)"),
    ("devnet_nextRound([n])", "mines to the start of the next round, n times (default 1), and initializes it; the round"),
    ("devnet_mine(n)", "mines n empty blocks; the head"),
    ("devnet_createPoll(from, cid)", "PollCreator.createPoll(cid) (LPT minted and approved for its fee); {poll, endBlock, block}"),
    ("devnet_vote(from, poll, choiceID)", "Poll.vote(choiceID); the block"),
    ("devnet_voteMany(voters, poll, choiceIDs)", "devnet_vote for each voter"),
    ("devnet_expected(poll[, block[, also]])", "the poll's LIP-16 tally computed here from the contracts' own views at the deciding block "
     "(or at block, a number or latest), the weights bonded stake would give instead of pending stake, and asIf: what each account of "
     "also that did not vote would have counted"),
    ("devnet_propose(from, description[, action, value])", "LivepeerGovernor.propose with one action the Treasury executes: transfer "
     "(default; LivepeerToken.transfer(account 0, value wei)) or quorum (LivepeerGovernor.updateQuorumNumerator(value)); {id, snapshot, deadline, block}"),
    ("devnet_castVote(from, id, support[, reason[, params]])", "castVote, castVoteWithReason, or castVoteWithReasonAndParams when params (0x hex) is given"),
    ("devnet_queue(id)", "LivepeerGovernor.queue (through the Treasury); the block"),
    ("devnet_execute(id)", "LivepeerGovernor.execute (through the Treasury); the block"),
    ("devnet_proposal(id)", "the contract's own view of a proposal: {state, against, for, abstain, snapshot, deadline}"),
    ("devnet_expectedProposal(id)", "GovernorCountingOverridable's totals computed here from VoteCast logs and BondingVotes.delegatedAt"),
    ("devnet_setTreasury(cutRate, ceiling)", "BondingManager.setTreasuryRewardCutRate(cutRate) and setTreasuryBalanceCeiling(ceiling) by the "
     "Controller's owner (either may be null); the block"),
    ("devnet_transferLPT(from, to, wei)", "LPT minted to from, then LivepeerToken.transfer(to, wei) from it; the block"),
    ("devnet_balanceOf(account[, block])", "LivepeerToken.balanceOf(account) at block (default latest), wei as a decimal string"),
    ("devnet_setL1Snapshot(rows[, file])", "the LIP-73 L1 snapshot: rows [[delegator, delegate, stake, fees]]; its Merkle root set in "
     "MerkleSnapshot (id keccak256(\"LIP-73\")) and claimStake enabled; with file, writes it there as lip imports it (--format lip73); "
     "{root, block, entries}"),
    ("devnet_migrate(l1Account, l2Account[, atBlock])", "L2Migrator.finalizeMigrateDelegator from the bridge account with the L1 snapshot's "
     "row of l1Account (an orchestrator: its delegated stake is the snapshot's stake delegated to it); LPT minted to the migrator for "
     "what it bonds; with atBlock, mined so that it lands in that block; the block"),
    ("devnet_claimStake(delegator[, newDelegate[, atBlock]])", "L2Migrator.claimStake from delegator with its L1 snapshot row and "
     "Merkle proof (newDelegate: bonded there when its delegate has no pool); the block"),
    ("devnet_delegatorPool(l1Orchestrator)", "the L2Migrator's delegatorPools(l1Orchestrator), the zero address when none"),
    ("devnet_expectedWindow(poll[, ignore])", "the migration-window (l1+l2) tally computed here: L2 weights from the contracts' views at "
     "the deciding block, the L1 snapshot's rows, the migrator's own logs up to that block, LIP-16 over both; ignore \"migrations\" "
     "counts as if nobody had migrated"),
    ("devnet_gas()", "every protocol operation run so far: [{operation, chain, gas, tx}]"),
    ("devnet_gasCSV()", "the same as a benchmark CSV: operation,chain,gas,tx"),
    ("devnet_stats()", "HTTP requests, calls and batches answered (devnet_* not counted)"),
    ("devnet_setFaults({fault: count})", "faults, each a count of HTTP requests it applies to, or a limit: http429 (Retry-After: 1), http500, drop, "
     "slow (3 s), stall (one request kept waiting this many seconds, once), malformed, wrongId, logsRangeLimit (blocks), logsResultLimit (logs), batchLimit (requests in a batch)"),
]


def as_hex(value):
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    return value


def raw(value):
    """Bytes of a value eth-tester gives as bytes or as 0x hex."""
    return bytes.fromhex(as_hex(value)[2:])


def hexint(n):
    return hex(n)


class RpcError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


class Backend(PyEVMBackend):
    """eth-tester's py-evm backend, its map from address to signing key kept. eth-tester rebuilds
    that map (a keccak of every account's public key) twice for every transaction it signs: 0.7 s
    a vote with 10,000 accounts, all but 30 ms of it the map."""

    _keys_by_address = None
    _keys_mapped = None  # the account_keys the map was built from (eth-tester replaces the tuple to add one)

    @property
    def _key_lookup(self):
        if self._keys_mapped is not self.account_keys:
            self._keys_by_address = {key.public_key.to_canonical_address(): key for key in self.account_keys}
            self._keys_mapped = self.account_keys
        return self._keys_by_address


class Devnet:
    def __init__(self, poll_period, accounts):
        state = PyEVMBackend.generate_genesis_state(num_accounts=accounts)
        params = PyEVMBackend.generate_genesis_params(overrides={"gas_limit": 30_000_000})
        self.tester = EthereumTester(Backend(genesis_parameters=params, genesis_state=state))
        self.accounts = [to_checksum_address(a) for a in self.tester.get_accounts()]
        self.owner = self.accounts[0]
        self.lock = threading.RLock()
        self.faults = {}
        self.logs = []  # every log of every transaction sent here, in chain order (eth-tester's own filter is slow)
        self.receipts = {}  # transaction hash -> receipt, for eth_getTransactionReceipt
        self.gas = []  # protocol operations run: (operation, gas, tx)
        self.proposals = {}  # id -> (targets, values, calldatas, description hash)
        self.stats = {"requests": 0, "calls": 0, "batches": 0}
        self.multicall3 = self.deploy_multicall3()
        self.protocol = Protocol(self, self.owner, poll_period)
        p = self.protocol
        self.poll_creator, self.bonding_manager, self.rounds_manager = p.poll_creator, p.bonding_manager, p.rounds_manager
        self.governor, self.bonding_votes, self.token = p.governor, p.bonding_votes, p.token
        self.l2_migrator, self.bridge = p.l2_migrator, p.bridge
        self.l1_rows = None  # the LIP-73 snapshot set by devnet_setL1Snapshot: [(delegator, delegate, stake, fees)]
        # The migrator pays fees in ETH from its own balance (its proxy's receive forwards to the target's).
        self.tester.send_transaction({"from": self.owner, "to": self.l2_migrator, "value": 100 * 10**18, "gas": 100_000})
        # The first round, so that bonds can start.
        self.devnet_nextRound()
        self.first_block = self.head()

    # Chain helpers (what Protocol sends through) ---------------------------------------------

    def send(self, sender, to, data, gas=3_000_000, operation=None):
        tx = {"from": sender, "gas": gas, "data": data if data.startswith("0x") else "0x" + data}
        if to is not None:
            tx["to"] = to
        try:
            tx_hash = self.tester.send_transaction(tx)
        except Exception as e:  # eth-tester raises on a revert: say which call
            raise RpcError(3, f"execution reverted: {operation or data[:10]}: {e}")
        try:
            return self.record(tx_hash, operation)
        except RpcError:
            # The same call again, to say why (a reverted transaction changed nothing but the nonce).
            try:
                self.tester.call({k: v for k, v in tx.items() if k != "gas"}, "latest")
            except Exception as e:
                raise RpcError(3, f"execution reverted: {operation or data[:10]}: {e}")
            raise

    def record(self, tx_hash, operation):
        receipt = self.tester.get_transaction_receipt(tx_hash)
        if receipt.get("status", 1) != 1:
            raise RpcError(3, f"execution reverted: {operation}")
        self.receipts[as_hex(receipt["transaction_hash"])] = receipt
        for log in receipt["logs"]:
            self.logs.append({"address": to_checksum_address(log["address"]), "topics": [as_hex(t) for t in log["topics"]], "data": as_hex(log["data"]),
                              "block_number": receipt["block_number"], "block_hash": as_hex(receipt["block_hash"]),
                              "transaction_hash": as_hex(receipt["transaction_hash"]), "transaction_index": receipt["transaction_index"],
                              "log_index": log["log_index"]})
        if operation:
            self.gas.append((operation, receipt["gas_used"], as_hex(receipt["transaction_hash"])))
        return receipt

    def deploy(self, code):
        receipt = self.send(self.owner, None, code if code.startswith("0x") else "0x" + code, gas=10_000_000)
        return to_checksum_address(receipt["contract_address"])

    def view(self, to, data, block):
        out = self.tester.call({"from": self.owner, "to": to, "data": data}, block)
        return bytes.fromhex(as_hex(out)[2:])

    def call(self, sender, to, signature, types, args, operation=None, gas=3_000_000):
        return self.send(sender, to, calldata(signature, types, args), gas, operation)

    def head(self):
        return self.tester.get_block_by_number("latest")["number"]

    def deploy_multicall3(self):
        """Multicall3 by its presigned deployment transaction, at its canonical address."""
        m = artifact("multicall3", "Multicall3")
        self.tester.send_transaction({"from": self.accounts[0], "to": to_checksum_address(m["deployer"]), "value": 10**17, "gas": 21_000})
        self.record(self.tester.send_raw_transaction(m["rawTransaction"]), None)
        address = to_checksum_address(m["address"])
        assert len(self.tester.get_code(address)) > 1000, "Multicall3 did not deploy at its canonical address"
        return address

    # Staking -------------------------------------------------------------------------------

    def fund(self, account, wei):
        """Mints `wei` LPT to `account` and lets the BondingManager take it."""
        self.call(self.owner, self.token, "mint(address,uint256)", ["address", "uint256"], [account, int(wei)])
        self.call(account, self.token, "approve(address,uint256)", ["address", "uint256"], [self.bonding_manager, MAX_UINT])

    def ready_round(self):
        """Initializes the round of the block the next transaction lands in (the next one, not
        the head's) when it is not (the protocol refuses staking in an uninitialized round; on
        mainnet a keeper calls it)."""
        landing = (self.head() + 1) // self.protocol.ROUND_LENGTH
        (initialized,) = self.protocol.view(self.rounds_manager, "lastInitializedRound()", [], [], ["uint256"])
        if initialized < landing:
            self.call(self.owner, self.rounds_manager, "initializeRound()", [], [], operation="initializeRound", gas=6_000_000)

    def bm(self, sender, operation, signature, types, args):
        """A BondingManager transaction, in an initialized round."""
        self.ready_round()
        return self.call(sender, self.bonding_manager, signature, types, args, operation=operation, gas=6_000_000)

    def land_in(self, block):
        """Mines so that the next transaction lands in `block`, its round initialized (in the
        block before it when needed, which must then be of the same round)."""
        block, length = int(block), self.protocol.ROUND_LENGTH
        (initialized,) = self.protocol.view(self.rounds_manager, "lastInitializedRound()", [], [], ["uint256"])
        if initialized < block // length:
            if block % length == 0 or block - 1 <= self.head():
                raise RpcError(-32602, f"block {block}: its round is not initialized and cannot be before it")
            if block - 1 > self.head() + 1:
                self.tester.mine_blocks(block - 1 - (self.head() + 1))
            self.call(self.owner, self.rounds_manager, "initializeRound()", [], [], operation="initializeRound", gas=6_000_000)
        if block <= self.head():
            raise RpcError(-32602, f"block {block} is mined already (the head is {self.head()})")
        if block > self.head() + 1:
            self.tester.mine_blocks(block - (self.head() + 1))

    def devnet_help(self):
        return [f"{m}: {what}" for m, what in METHODS]

    def devnet_accounts(self, n):
        return self.accounts[: int(n)]

    def devnet_mint(self, account, wei):
        self.fund(account, wei)
        return self.head()

    def devnet_bond(self, delegator, delegate, wei):
        self.fund(delegator, wei)
        self.bm(delegator, "bond", "bond(uint256,address)", ["uint256", "address"], [int(wei), delegate])
        return self.head()

    def devnet_bondMany(self, delegators, delegate, wei):
        for d in delegators:
            self.devnet_bond(d, delegate, wei)
        return self.head()

    def devnet_unbond(self, delegator, wei):
        receipt = self.bm(delegator, "unbond", "unbond(uint256)", ["uint256"], [int(wei)])
        for log in receipt["logs"]:
            if as_hex(log["topics"][0]) == UNBOND_TOPIC:
                lock_id, _, _ = decode(["uint256", "uint256", "uint256"], raw(log["data"]))
                return lock_id
        raise RpcError(-32000, "no Unbond event")

    def devnet_rebond(self, delegator, lock_id):
        self.bm(delegator, "rebond", "rebond(uint256)", ["uint256"], [int(lock_id)])
        return self.head()

    def devnet_withdrawStake(self, delegator, lock_id):
        self.bm(delegator, "withdrawStake", "withdrawStake(uint256)", ["uint256"], [int(lock_id)])
        return self.head()

    def devnet_transferBond(self, delegator, receiver, wei):
        zero = "0x" + "00" * 20
        self.bm(delegator, "transferBond", "transferBond(address,uint256,address,address,address,address)",
                ["address", "uint256", "address", "address", "address", "address"], [receiver, int(wei), zero, zero, zero, zero])
        return self.head()

    def devnet_register(self, orchestrator, reward_cut=500000, fee_share=500000):
        self.bm(orchestrator, "transcoder", "transcoder(uint256,uint256)", ["uint256", "uint256"], [int(reward_cut), int(fee_share)])
        return self.head()

    def devnet_reward(self, orchestrator):
        self.bm(orchestrator, "reward", "reward()", [], [])
        return self.head()

    def devnet_claimEarnings(self, delegator):
        self.bm(delegator, "claimEarnings", "claimEarnings(uint256)", ["uint256"], [self.protocol.current_round()])
        return self.head()

    def devnet_nextRound(self, n=1):
        length = self.protocol.ROUND_LENGTH
        for _ in range(int(n)):
            head = self.head()
            # The block the next transaction lands in starts the next round.
            self.tester.mine_blocks(length - (head + 1) % length)
            self.call(self.owner, self.rounds_manager, "initializeRound()", [], [], operation="initializeRound", gas=6_000_000)
        return self.protocol.current_round()

    def devnet_mine(self, n):
        self.tester.mine_blocks(int(n))
        return self.head()

    # Polls ---------------------------------------------------------------------------------

    def devnet_createPoll(self, sender, cid):
        # PollCreator takes a fee in LPT, burnt; 100 LPT on mainnet.
        (fee,) = self.protocol.view(self.poll_creator, "POLL_CREATION_COST()", [], [], ["uint256"])
        if fee:
            self.call(self.owner, self.token, "mint(address,uint256)", ["address", "uint256"], [sender, fee])
            self.call(sender, self.token, "approve(address,uint256)", ["address", "uint256"], [self.poll_creator, fee])
        receipt = self.call(sender, self.poll_creator, "createPoll(bytes)", ["bytes"], [cid.encode()], operation="createPoll")
        for log in receipt["logs"]:
            topics = [as_hex(t) for t in log["topics"]]
            if topics[0] == POLL_CREATED_TOPIC:
                poll = to_checksum_address("0x" + topics[1][-40:])
                _, end_block, _, _ = decode(["bytes", "uint256", "uint256", "uint256"], raw(log["data"]))
                return {"poll": poll, "endBlock": end_block, "block": receipt["block_number"]}
        raise RpcError(-32000, "no PollCreated")

    def devnet_vote(self, sender, poll, choice):
        return self.call(sender, poll, "vote(uint256)", ["uint256"], [int(choice)], operation="vote", gas=200_000)["block_number"]

    def devnet_voteMany(self, voters, poll, choices):
        for voter, c in zip(voters, choices):
            self.devnet_vote(voter, poll, c)
        return self.head()

    def bm_view(self, signature, types, args, returns, block):
        return self.protocol.view(self.bonding_manager, signature, types, args, returns, block)

    def devnet_expected(self, poll, at=None, also=None):
        """The tally of `poll` computed here, independently of lip, from the real contracts' views
        at the deciding block (pendingStake, transcoderTotalStake, getDelegator,
        isRegisteredTranscoder, getTotalBonded): LIP-16 weights, quorum against getTotalBonded().
        `also`: accounts that did not vote, each weighed as if it alone voted after every vote
        (`asIf`: what a voter record and turnout say its vote would have counted)."""
        created = [l for l in self.raw_logs(self.first_block, self.head(), self.poll_creator, [POLL_CREATED_TOPIC])
                   if l["topics"][1][-40:].lower() == poll[2:].lower()]
        _, end_block, quorum, quota = decode(["bytes", "uint256", "uint256", "uint256"], bytes.fromhex(created[0]["data"][2:]))
        head = self.head()
        block = min(end_block, head) if at is None else (head if at == "latest" else int(at))
        votes = sorted(self.raw_logs(created[0]["block_number"], min(end_block, head), poll, [VOTE_TOPIC]), key=lambda l: (l["block_number"], l["log_index"]))
        choice = {}
        for log in votes:
            voter = to_checksum_address("0x" + log["topics"][1][-40:])
            (c,) = decode(["uint256"], bytes.fromhex(log["data"][2:]))
            if c in (0, 1):
                choice[voter] = c
        state, bonded = {}, {}
        for voter in choice:
            delegator = self.bm_view("getDelegator(address)", ["address"], [voter], ["uint256"] * 2 + ["address"] + ["uint256"] * 4, block)
            (stake,) = self.bm_view("pendingStake(address,uint256)", ["address", "uint256"], [voter, 0], ["uint256"], block)
            (delegated,) = self.bm_view("transcoderTotalStake(address)", ["address"], [voter], ["uint256"], block)
            (registered,) = self.bm_view("isRegisteredTranscoder(address)", ["address"], [voter], ["bool"], block)
            state[voter] = (stake, to_checksum_address(delegator[2]), delegated, registered)
            bonded[voter] = (delegator[0], to_checksum_address(delegator[2]), delegated, registered)
        (total,) = self.bm_view("getTotalBonded()", [], [], ["uint256"], block)

        def weigh(state):
            weights = {}
            for voter, (stake, delegate, delegated, registered) in state.items():
                if registered:
                    overriding = sum(s for other, (s, d, _, _) in state.items() if other != voter and d == voter)
                    weights[voter] = max(0, delegated - overriding)
                else:
                    weights[voter] = stake
            return weights
        weights = weigh(state)
        as_if = {}
        for account in (also or []):
            account = to_checksum_address(account)
            if account in choice:
                continue
            delegator = self.bm_view("getDelegator(address)", ["address"], [account], ["uint256"] * 2 + ["address"] + ["uint256"] * 4, block)
            (stake,) = self.bm_view("pendingStake(address,uint256)", ["address", "uint256"], [account, 0], ["uint256"], block)
            (delegated,) = self.bm_view("transcoderTotalStake(address)", ["address"], [account], ["uint256"], block)
            (registered,) = self.bm_view("isRegisteredTranscoder(address)", ["address"], [account], ["bool"], block)
            with_it = dict(state)
            with_it[account] = (stake, to_checksum_address(delegator[2]), delegated, registered)
            as_if[account] = str(weigh(with_it)[account])
        yes = sum(w for v, w in weights.items() if choice[v] == 0)
        no = sum(w for v, w in weights.items() if choice[v] == 1)
        vote_stake = yes + no
        quorum_met = vote_stake >= total * quorum // 1_000_000
        result = "quorum-not-met" if not quorum_met else ("yes" if yes > vote_stake * quota // 1_000_000 else "no")
        return {"block": block, "endBlock": end_block, "provisional": head < end_block, "yes": str(yes), "no": str(no),
                "totalStake": str(total), "result": result, "weights": {v: str(w) for v, w in sorted(weights.items())},
                "bondedWeights": {v: str(w) for v, w in sorted(weigh(bonded).items())}, "asIf": dict(sorted(as_if.items()))}

    # Governor ------------------------------------------------------------------------------

    def devnet_propose(self, sender, description, action="transfer", value=0):
        if action == "transfer":
            target, data = self.token, calldata("transfer(address,uint256)", ["address", "uint256"], [self.owner, int(value)])
        elif action == "quorum":
            target, data = self.governor, calldata("updateQuorumNumerator(uint256)", ["uint256"], [int(value)])
        else:
            raise RpcError(-32602, f"action {action}: transfer or quorum")
        targets, values, calldatas = [target], [0], [bytes.fromhex(data[2:])]
        receipt = self.call(sender, self.governor, "propose(address[],uint256[],bytes[],string)", ["address[]", "uint256[]", "bytes[]", "string"],
                            [targets, values, calldatas, description], operation="propose", gas=6_000_000)
        for log in receipt["logs"]:
            if as_hex(log["topics"][0]) == PROPOSAL_CREATED_TOPIC:
                values_ = decode(["uint256", "address", "address[]", "uint256[]", "string[]", "bytes[]", "uint256", "uint256", "string"], raw(log["data"]))
                pid = values_[0]
                self.proposals[pid] = (targets, values, calldatas, keccak(text=description))
                return {"id": str(pid), "snapshot": values_[6], "deadline": values_[7], "block": receipt["block_number"]}
        raise RpcError(-32000, "no ProposalCreated")

    def devnet_castVote(self, sender, proposal_id, support, reason=None, params=None):
        pid, support = int(proposal_id), int(support)
        if reason is None:
            self.call(sender, self.governor, "castVote(uint256,uint8)", ["uint256", "uint8"], [pid, support], operation="castVote", gas=6_000_000)
        elif params is None:
            self.call(sender, self.governor, "castVoteWithReason(uint256,uint8,string)", ["uint256", "uint8", "string"], [pid, support, reason],
                      operation="castVoteWithReason", gas=6_000_000)
        else:
            self.call(sender, self.governor, "castVoteWithReasonAndParams(uint256,uint8,string,bytes)", ["uint256", "uint8", "string", "bytes"],
                      [pid, support, reason, bytes.fromhex(params[2:])], operation="castVoteWithReasonAndParams", gas=6_000_000)
        return self.head()

    def governor_action(self, name, proposal_id):
        targets, values, calldatas, description_hash = self.proposals[int(proposal_id)]
        self.call(self.owner, self.governor, f"{name}(address[],uint256[],bytes[],bytes32)", ["address[]", "uint256[]", "bytes[]", "bytes32"],
                  [targets, values, calldatas, description_hash], operation=name, gas=6_000_000)
        return self.head()

    def devnet_setTreasury(self, cut_rate=None, ceiling=None):
        if cut_rate is not None:
            self.call(self.owner, self.bonding_manager, "setTreasuryRewardCutRate(uint256)", ["uint256"], [int(cut_rate)], operation="setTreasuryRewardCutRate")
        if ceiling is not None:
            self.call(self.owner, self.bonding_manager, "setTreasuryBalanceCeiling(uint256)", ["uint256"], [int(ceiling)], operation="setTreasuryBalanceCeiling")
        return self.head()

    def devnet_transferLPT(self, sender, to, wei):
        self.call(self.owner, self.token, "mint(address,uint256)", ["address", "uint256"], [sender, int(wei)])
        self.call(sender, self.token, "transfer(address,uint256)", ["address", "uint256"], [to, int(wei)], operation="transfer")
        return self.head()

    def devnet_balanceOf(self, account, block="latest"):
        (balance,) = self.protocol.view(self.token, "balanceOf(address)", ["address"], [account], ["uint256"], block)
        return str(balance)

    def devnet_queue(self, proposal_id):
        return self.governor_action("queue", proposal_id)

    def devnet_execute(self, proposal_id):
        return self.governor_action("execute", proposal_id)

    def devnet_proposal(self, proposal_id):
        pid = int(proposal_id)
        g = self.protocol
        (state,) = g.view(self.governor, "state(uint256)", ["uint256"], [pid], ["uint8"])
        against, for_, abstain = g.view(self.governor, "proposalVotes(uint256)", ["uint256"], [pid], ["uint256"] * 3)
        (snapshot,) = g.view(self.governor, "proposalSnapshot(uint256)", ["uint256"], [pid], ["uint256"])
        (deadline,) = g.view(self.governor, "proposalDeadline(uint256)", ["uint256"], [pid], ["uint256"])
        return {"state": state, "against": str(against), "for": str(for_), "abstain": str(abstain), "snapshot": snapshot, "deadline": deadline}

    def devnet_expectedProposal(self, proposal_id):
        """GovernorCountingOverridable's totals of a proposal computed here from the chain (its
        VoteCast logs and BondingVotes' delegatedAt at the snapshot round), independently of lip,
        beside the raw sum of VoteCast weights."""
        pid = int(proposal_id)
        start = None
        for log in self.raw_logs(self.first_block, self.head(), self.governor, [PROPOSAL_CREATED_TOPIC]):
            values = decode(["uint256", "address", "address[]", "uint256[]", "string[]", "bytes[]", "uint256", "uint256", "string"], bytes.fromhex(log["data"][2:]))
            if values[0] == pid:
                start = values[6]
        votes = []
        for topic in (VOTE_CAST_TOPIC, VOTE_CAST_WITH_PARAMS_TOPIC):
            for log in self.raw_logs(self.first_block, self.head(), self.governor, [topic]):
                vote_id, support, weight = decode(["uint256", "uint8", "uint256"], bytes.fromhex(log["data"][2:])[:96])
                if vote_id == pid:
                    votes.append((to_checksum_address("0x" + log["topics"][1][-40:]), support, weight))

        def delegated(account):
            (d,) = self.protocol.view(self.bonding_votes, "delegatedAt(address,uint256)", ["address", "uint256"], [account, start], ["address"])
            return to_checksum_address(d)
        totals, raw, deductions = [0, 0, 0], [0, 0, 0], {}
        for voter, support, weight in votes:
            raw[support] += weight
            d = delegated(voter)
            if d != voter and delegated(d) == d:
                deductions[d] = deductions.get(d, 0) + weight
        counted = {}
        for voter, support, weight in votes:
            w = weight - deductions.get(voter, 0) if delegated(voter) == voter else weight
            counted[voter] = w
            totals[support] += w
        return {"against": str(totals[0]), "for": str(totals[1]), "abstain": str(totals[2]), "counted": {v: str(w) for v, w in sorted(counted.items())},
                "rawAgainst": str(raw[0]), "rawFor": str(raw[1]), "rawAbstain": str(raw[2])}

    # The L1-to-L2 migration (LIP-73) ---------------------------------------------------------

    @staticmethod
    def lip73_entry(row):
        delegator, delegate, stake, fees = row
        return bytes.fromhex(delegator[2:]) + bytes.fromhex(delegate[2:]) + int(stake).to_bytes(32, "big") + int(fees).to_bytes(32, "big")

    def lip73_levels(self):
        """The LIP-73 tree of the L1 snapshot: leaves keccak256 of the packed entries, sorted and
        de-duplicated; a parent hashes the smaller child first; an odd last node goes up as is."""
        level = sorted({keccak(self.lip73_entry(r)) for r in self.l1_rows if any(self.lip73_entry(r))})
        levels = [level]
        while len(level) > 1:
            level = [keccak(min(level[i], level[i + 1]) + max(level[i], level[i + 1])) if i + 1 < len(level) else level[i]
                     for i in range(0, len(level), 2)]
            levels.append(level)
        return levels

    def lip73_proof(self, row):
        levels = self.lip73_levels()
        i, proof = levels[0].index(keccak(self.lip73_entry(row))), []
        for level in levels[:-1]:
            if i ^ 1 < len(level):
                proof.append(level[i ^ 1])
            i //= 2
        return proof

    def l1_row(self, account):
        if self.l1_rows is None:
            raise RpcError(-32602, "no L1 snapshot: call devnet_setL1Snapshot first")
        for row in self.l1_rows:
            if row[0].lower() == account.lower():
                return row
        raise RpcError(-32602, f"{account} has no row in the L1 snapshot")

    def migrator_view(self, signature, types, args, returns, block="latest"):
        return self.protocol.view(self.l2_migrator, signature, types, args, returns, block)

    def devnet_setL1Snapshot(self, rows, file=None):
        self.l1_rows = [(to_checksum_address(d), to_checksum_address(g), int(s), int(f)) for d, g, s, f in rows]
        root = self.lip73_levels()[-1][0]
        owner = self.owner
        self.call(owner, self.protocol.merkle_snapshot, "setSnapshot(bytes32,bytes32)", ["bytes32", "bytes32"], [keccak(text="LIP-73"), root])
        self.call(owner, self.l2_migrator, "setClaimStakeEnabled(bool)", ["bool"], [True])
        entries = ["0x" + self.lip73_entry(r).hex() for r in self.l1_rows]
        if file:
            with open(file, "w") as f:
                json.dump(entries, f)
        return {"root": "0x" + root.hex(), "block": self.head(), "entries": entries}

    def fund_migrator(self, wei):
        """The L2 LPT the migrator bonds for others (on mainnet the L1 side bridged it)."""
        if wei > 0:
            self.call(self.owner, self.token, "mint(address,uint256)", ["address", "uint256"], [self.l2_migrator, int(wei)])

    def devnet_delegatorPool(self, orchestrator):
        return to_checksum_address(self.migrator_view("delegatorPools(address)", ["address"], [orchestrator], ["address"])[0])

    def devnet_migrate(self, l1_account, l2_account, at_block=None):
        delegator, delegate, stake, fees = self.l1_row(l1_account)
        pool = self.devnet_delegatorPool(delegate)
        if delegator == delegate:
            delegated = sum(s for _, d, s, _ in self.l1_rows if d == delegate)
            (claimed,) = self.migrator_view("claimedDelegatedStake(address)", ["address"], [delegate], ["uint256"])
            self.fund_migrator(delegated - claimed)
            operation = "finalizeMigrateDelegator.orchestrator"
        else:
            delegated = 0
            self.fund_migrator(0 if pool != ZERO else stake)
            operation = "finalizeMigrateDelegator.fromPool" if pool != ZERO else "finalizeMigrateDelegator.noPool"
        if at_block is not None:
            self.land_in(at_block)
        else:
            self.ready_round()
        receipt = self.call(self.bridge, self.l2_migrator, "finalizeMigrateDelegator((address,address,uint256,uint256,uint256,address))",
                            ["(address,address,uint256,uint256,uint256,address)"], [(delegator, l2_account, stake, delegated, fees, delegate)],
                            operation=operation, gas=6_000_000)
        return receipt["block_number"]

    def devnet_claimStake(self, delegator, new_delegate=None, at_block=None):
        row = self.l1_row(delegator)
        _, delegate, stake, fees = row
        pool = self.devnet_delegatorPool(delegate) if int(delegate, 16) else ZERO
        if pool == ZERO and int(delegate, 16):
            self.fund_migrator(stake)
        operation = "claimStake.fromPool" if pool != ZERO else ("claimStake.noPool" if int(delegate, 16) else "claimStake.feesOnly")
        if at_block is not None:
            self.land_in(at_block)
        else:
            self.ready_round()
        receipt = self.call(row[0], self.l2_migrator, "claimStake(address,uint256,uint256,bytes32[],address)",
                            ["address", "uint256", "uint256", "bytes32[]", "address"],
                            [delegate, stake, fees, self.lip73_proof(row), to_checksum_address(new_delegate or ZERO)], operation=operation, gas=6_000_000)
        return receipt["block_number"]

    def devnet_expectedWindow(self, poll, ignore=None):
        """LIP-16 over both domains of the migration window, as ledger-and-tally.md states it,
        from the L1 snapshot, the migrator's logs and the BondingManager's views at the deciding
        block: written here for the tests, independently of lip."""
        if self.l1_rows is None:
            raise RpcError(-32602, "no L1 snapshot: call devnet_setL1Snapshot first")
        created = [l for l in self.raw_logs(self.first_block, self.head(), self.poll_creator, [POLL_CREATED_TOPIC])
                   if l["topics"][1][-40:].lower() == poll[2:].lower()]
        _, end_block, quorum, quota = decode(["bytes", "uint256", "uint256", "uint256"], bytes.fromhex(created[0]["data"][2:]))
        block = min(end_block, self.head())
        choice = {}
        for log in sorted(self.raw_logs(created[0]["block_number"], block, poll, [VOTE_TOPIC]), key=lambda l: (l["block_number"], l["log_index"])):
            (c,) = decode(["uint256"], bytes.fromhex(log["data"][2:]))
            if c in (0, 1):
                choice[to_checksum_address("0x" + log["topics"][1][-40:])] = c
        migrated, l2_of, pools = set(), {}, {}
        every_l2 = set(self.accounts)
        for log in self.raw_logs(0, self.head(), self.l2_migrator, None):
            data, topic = bytes.fromhex(log["data"][2:]), log["topics"][0]
            if topic == MIGRATE_FINALIZED_TOPIC:
                l1, l2, _, _, _, delegate = decode(["address", "address", "uint256", "uint256", "uint256", "address"], data)
                l1, l2 = to_checksum_address(l1), to_checksum_address(l2)
                every_l2.add(l2)
                if log["block_number"] <= block:
                    migrated.add(l1)
                    if l1 == to_checksum_address(delegate):
                        l2_of[l1] = l2
            elif topic == STAKE_CLAIMED_TOPIC and log["block_number"] <= block:
                migrated.add(to_checksum_address("0x" + log["topics"][1][-40:]))
            elif topic == POOL_CREATED_TOPIC:
                (pool,) = decode(["address"], data)
                every_l2.add(to_checksum_address(pool))
                if log["block_number"] <= block:
                    pools[to_checksum_address("0x" + log["topics"][1][-40:])] = to_checksum_address(pool)
        if ignore == "migrations":
            migrated, l2_of, pools = set(), {}, {}

        def l2_position(account):
            delegator = self.bm_view("getDelegator(address)", ["address"], [account], ["uint256"] * 2 + ["address"] + ["uint256"] * 4, block)
            (stake,) = self.bm_view("pendingStake(address,uint256)", ["address", "uint256"], [account, 0], ["uint256"], block)
            (delegated,) = self.bm_view("transcoderTotalStake(address)", ["address"], [account], ["uint256"], block)
            (registered,) = self.bm_view("isRegisteredTranscoder(address)", ["address"], [account], ["bool"], block)
            return {"account": account, "delegate": to_checksum_address(delegator[2]), "stake": stake, "delegated": delegated,
                    "registered": registered, "domain": "l2"}
        positions = [l2_position(a) for a in sorted(set(choice) | set(pools.values()))]
        pool_position = {p["account"]: p for p in positions}
        l2_total = sum(self.bm_view("pendingStake(address,uint256)", ["address", "uint256"], [a, 0], ["uint256"], block)[0] for a in sorted(every_l2))
        remaining = [(a, d, s) for a, d, s, _ in self.l1_rows if s > 0 and a not in migrated]
        toward = {}
        for a, d, s in remaining:
            if d != a:
                toward[d] = toward.get(d, 0) + s
        pool_before = {p: pool_position[p]["stake"] for p in pools.values()}
        l1_positions = []
        for a, d, s in remaining:
            if d != a and d in pools:
                share = pool_before[pools[d]] * s // toward[d]
                pool_position[pools[d]]["stake"] -= min(share, pool_position[pools[d]]["stake"])
                positions.append({"account": a, "delegate": l2_of[d], "stake": share, "delegated": 0, "registered": False, "domain": "l2"})
            else:
                l1_positions.append({"account": a, "delegate": d, "stake": s, "delegated": 0, "registered": False, "domain": "l1"})
        for p in l1_positions:
            if p["account"] == p["delegate"]:
                p["registered"] = True
                p["delegated"] = sum(q["stake"] for q in l1_positions if q["delegate"] == p["account"])
        positions += l1_positions
        weights = {}
        for v in choice:
            w = 0
            for p in (p for p in positions if p["account"] == v):
                if p["registered"]:
                    overriding = sum(q["stake"] for q in positions
                                     if q["domain"] == p["domain"] and q["account"] != v and q["account"] in choice and q["delegate"] == v)
                    w += max(0, p["delegated"] - overriding)
                else:
                    w += p["stake"]
            weights[v] = w
        yes = sum(w for v, w in weights.items() if choice[v] == 0)
        no = sum(w for v, w in weights.items() if choice[v] == 1)
        total = l2_total + sum(p["stake"] for p in l1_positions)
        quorum_met = yes + no >= total * quorum // 1_000_000
        result = "quorum-not-met" if not quorum_met else ("yes" if yes > (yes + no) * quota // 1_000_000 else "no")
        return {"block": block, "yes": str(yes), "no": str(no), "totalStake": str(total), "result": result,
                "migrated": sorted(migrated), "weights": {v: str(w) for v, w in sorted(weights.items())}}

    # Gas -----------------------------------------------------------------------------------

    def devnet_gas(self):
        return [{"operation": op, "chain": "l2", "gas": gas, "tx": tx} for op, gas, tx in self.gas]

    def devnet_gasCSV(self):
        return "operation,chain,gas,tx\n" + "".join(f"{op},l2,{gas},{tx}\n" for op, gas, tx in self.gas)

    def devnet_stats(self):
        return dict(self.stats)

    def devnet_setFaults(self, faults):
        self.faults = {k: int(v) for k, v in faults.items()}
        return True

    # JSON-RPC methods ----------------------------------------------------------------------

    def raw_logs(self, from_block, to_block, address, topics):
        wanted = [t.lower() if isinstance(t, str) else t for t in (topics or [])]
        addresses = None
        if address:
            addresses = {a.lower() for a in (address if isinstance(address, list) else [address])}
        out = []
        for log in self.logs:
            if not from_block <= log["block_number"] <= to_block:
                continue
            if addresses is not None and log["address"].lower() not in addresses:
                continue
            if any(w is not None and (i >= len(log["topics"]) or log["topics"][i].lower() != w) for i, w in enumerate(wanted)):
                continue
            out.append(log)
        return out

    def block_number(self, tag):
        if tag in ("latest", "safe", "finalized", "pending"):
            return self.head()
        if tag == "earliest":
            return 0
        return int(tag, 16)

    def eth_chainId(self):
        return hexint(self.tester.backend.chain.chain_id)

    def eth_blockNumber(self):
        return hexint(self.head())

    def eth_gasPrice(self):
        return hexint(self.tester.get_block_by_number("latest").get("base_fee_per_gas", 1_000_000_000))

    def eth_getBlockByNumber(self, tag, full=False):
        number = self.block_number(tag)
        if number > self.head():
            return None
        block = self.tester.get_block_by_number(number, full_transactions=bool(full))
        transactions = [self.transaction(t) if full else as_hex(t) for t in block["transactions"]]
        return {"number": hexint(block["number"]), "hash": as_hex(block["hash"]), "parentHash": as_hex(block["parent_hash"]),
                "timestamp": hexint(block["timestamp"]), "gasLimit": hexint(block["gas_limit"]), "gasUsed": hexint(block["gas_used"]),
                "baseFeePerGas": hexint(block.get("base_fee_per_gas", 0)), "miner": to_checksum_address(block["coinbase"]),
                "transactions": transactions}

    def transaction(self, t):
        return {"hash": as_hex(t["hash"]), "from": to_checksum_address(t["from"]), "to": to_checksum_address(t["to"]) if t.get("to") else None,
                "nonce": hexint(t["nonce"]), "gas": hexint(t["gas"]), "value": hexint(t["value"]), "input": as_hex(t["data"]),
                "blockNumber": hexint(t["block_number"]), "blockHash": as_hex(t["block_hash"]), "transactionIndex": hexint(t["transaction_index"])}

    def eth_getTransactionReceipt(self, tx_hash):
        r = self.receipts.get(tx_hash.lower())
        if r is None:
            return None
        return {"transactionHash": as_hex(r["transaction_hash"]), "blockNumber": hexint(r["block_number"]), "blockHash": as_hex(r["block_hash"]),
                "transactionIndex": hexint(r["transaction_index"]), "gasUsed": hexint(r["gas_used"]),
                "cumulativeGasUsed": hexint(r["cumulative_gas_used"]), "effectiveGasPrice": hexint(r.get("effective_gas_price", 0)),
                "status": hexint(r.get("status", 1)), "from": to_checksum_address(r["from"]) if r.get("from") else None,
                "to": to_checksum_address(r["to"]) if r.get("to") else None,
                "contractAddress": to_checksum_address(r["contract_address"]) if r.get("contract_address") else None,
                "logs": [l for l in self.eth_getLogs({"fromBlock": hexint(r["block_number"]), "toBlock": hexint(r["block_number"])})
                         if l["transactionHash"] == as_hex(r["transaction_hash"])]}

    def eth_getCode(self, address, tag="latest"):
        return as_hex(self.tester.get_code(to_checksum_address(address), self.block_number(tag)))

    def eth_feeHistory(self, count, newest, percentiles=None):
        count = int(count, 16) if isinstance(count, str) else int(count)
        end = self.block_number(newest)
        start = max(0, end - count + 1)
        blocks = [self.tester.get_block_by_number(n) for n in range(start, end + 1)]
        base = [hexint(b.get("base_fee_per_gas", 0)) for b in blocks]
        base.append(base[-1] if base else "0x0")
        out = {"oldestBlock": hexint(start), "baseFeePerGas": base, "gasUsedRatio": [b["gas_used"] / b["gas_limit"] for b in blocks]}
        if percentiles:
            out["reward"] = [["0x0" for _ in percentiles] for _ in blocks]
        return out

    def eth_sendTransaction(self, tx):
        """A transaction from one of the devnet's unlocked accounts (what a signer would send)."""
        sender = to_checksum_address(tx["from"])
        if sender not in self.accounts:
            raise RpcError(-32000, f"unknown account {sender}: the devnet signs only for its own accounts")
        call = {"from": sender, "gas": int(tx.get("gas", "0x" + format(3_000_000, "x")), 16), "data": tx.get("data") or tx.get("input", "0x"),
                "value": int(tx.get("value", "0x0"), 16)}
        if tx.get("to"):
            call["to"] = to_checksum_address(tx["to"])
        return as_hex(self.record(self.tester.send_transaction(call), None)["transaction_hash"])

    def eth_sendRawTransaction(self, raw):
        return as_hex(self.record(self.tester.send_raw_transaction(raw), None)["transaction_hash"])

    def eth_getLogs(self, query):
        start = self.block_number(query.get("fromBlock", "earliest"))
        end = self.block_number(query.get("toBlock", "latest"))
        limit = self.faults.get("logsRangeLimit")
        if limit and end - start + 1 > limit:
            raise RpcError(-32602, f"block range too large: max {limit} blocks")
        logs = self.raw_logs(start, end, query.get("address"), query.get("topics"))
        result_limit = self.faults.get("logsResultLimit")
        if result_limit and len(logs) > result_limit:
            raise RpcError(-32005, f"query returned more than {result_limit} results")
        return [{"address": log["address"], "topics": log["topics"], "data": log["data"], "blockNumber": hexint(log["block_number"]),
                 "blockHash": as_hex(log["block_hash"]), "transactionHash": as_hex(log["transaction_hash"]),
                 "transactionIndex": hexint(log["transaction_index"]), "logIndex": hexint(log["log_index"]), "removed": False} for log in logs]

    def eth_call(self, tx, tag="latest"):
        number = self.block_number(tag)
        if number > self.head():
            raise RpcError(-32000, "header not found")
        out = self.tester.call({"from": self.owner, "to": tx["to"], "data": tx.get("data") or tx.get("input", "0x")}, number)
        return as_hex(out)


def serve(devnet, port, until_stdin_closes, networks_out):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def reply(self, status, body, headers=None):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def take(self, fault):
            with devnet.lock:
                n = devnet.faults.get(fault, 0)
                if n > 0:
                    devnet.faults[fault] = n - 1
                    return True
                return False

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            try:
                request = json.loads(body)
            except ValueError:
                return self.reply(400, {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
            calls = request if isinstance(request, list) else [request]
            methods = [r.get("method", "") if isinstance(r, dict) else "" for r in calls]
            driving = all(m.startswith("devnet_") for m in methods)
            if not driving:
                with devnet.lock:
                    devnet.stats["requests"] += 1
                    devnet.stats["calls"] += len(methods)
                    devnet.stats["batches"] += 1 if isinstance(request, list) else 0
                if self.take("http429"):
                    return self.reply(429, {"error": "too many requests"}, {"Retry-After": "1"})
                if self.take("http500"):
                    return self.reply(502, b"bad gateway")
                if self.take("drop"):
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if self.take("slow"):
                    time.sleep(3)
                with devnet.lock:
                    stall = devnet.faults.pop("stall", 0)
                time.sleep(stall)
                if self.take("malformed"):
                    return self.reply(200, b"<html>upstream error</html>")
                limit = devnet.faults.get("batchLimit")
                if isinstance(request, list) and limit and len(request) > limit:
                    # geth: an array with one error carrying the first call's id.
                    first = request[0].get("id") if request and isinstance(request[0], dict) else None
                    return self.reply(200, [{"jsonrpc": "2.0", "id": first, "error": {"code": -32600, "message": "batch too large"}}])
            wrong_id = not driving and self.take("wrongId")
            answers = [self.answer(r, wrong_id) for r in calls]
            self.reply(200, answers if isinstance(request, list) else answers[0])

        def answer(self, request, wrong_id):
            if not isinstance(request, dict):
                return {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "invalid request"}}
            rid = request.get("id")
            try:
                name = request.get("method", "")
                method = getattr(devnet, name, None) if (name.startswith("eth_") or name.startswith("devnet_")) else None
                if method is None:
                    raise RpcError(-32601, f"the method {name} does not exist/is not available")
                with devnet.lock:
                    result = method(*request.get("params", []))
                return {"jsonrpc": "2.0", "id": (rid + 1000 if isinstance(rid, int) else "x") if wrong_id else rid, "result": result}
            except RpcError as e:
                return {"jsonrpc": "2.0", "id": rid, "error": {"code": e.code, "message": e.message}}
            except Exception as e:  # a bad argument: the node's error
                return {"jsonrpc": "2.0", "id": rid, "error": {"code": -32000, "message": f"{type(e).__name__}: {e}"}}

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    info = {"port": server.server_address[1], "chainId": devnet.tester.backend.chain.chain_id, "firstBlock": devnet.first_block,
            "roundLength": devnet.protocol.ROUND_LENGTH, "pollCreator": devnet.poll_creator, "bondingManager": devnet.bonding_manager,
            "multicall3": devnet.multicall3, "roundsManager": devnet.rounds_manager, "governor": devnet.governor,
            "bondingVotes": devnet.bonding_votes, "livepeerToken": devnet.token, "controller": devnet.protocol.controller,
            "treasury": devnet.protocol.treasury, "minter": devnet.protocol.minter,
            "l2Migrator": devnet.l2_migrator, "merkleSnapshot": devnet.protocol.merkle_snapshot, "bridge": devnet.bridge}
    if networks_out:
        with open(networks_out, "w") as f:
            f.write(networks_yaml(info))
    print(json.dumps(info), flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        if until_stdin_closes:
            while sys.stdin.read(1):
                pass
        else:
            while not stop.wait(1):
                pass
    except KeyboardInterrupt:
        pass
    server.shutdown()


def networks_yaml(info):
    """A networks.yaml naming this devnet `devnet` (both chains served by the one node)."""
    c, first = info["chainId"], info["firstBlock"]
    return f"""# The devnet at http://127.0.0.1:{info['port']} (Tests/Devnet/devnet.py): Livepeer's own contracts.
devnet:
  l2:
    chain-id: {c}
    poll-creator: {{address: "{info['pollCreator']}", block: {first}}}
    bonding-manager: {{address: "{info['bondingManager']}", block: 1}}
    multicall3: {{address: "{info['multicall3']}", block: 1}}
    livepeer-governor: {{address: "{info['governor']}", block: {first}}}
    bonding-votes: "{info['bondingVotes']}"
    rounds-manager: "{info['roundsManager']}"
    livepeer-token: {{address: "{info['livepeerToken']}", block: 1}}
    treasury: {{address: "{info['treasury']}", block: 1}}
    l2-migrator: {{address: "{info['l2Migrator']}", block: 1}}
  l1:
    chain-id: {c}
    poll-creator: {{address: "{info['pollCreator']}", block: {first}}}
    bonding-manager: {{address: "{info['bondingManager']}", block: 1}}
    rounds-manager: "{info['roundsManager']}"
"""


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]) + "\n\nMethods that drive the chain (JSON-RPC, params in order; wei and ids as decimal strings or numbers):\n"
        + "\n".join(f"  {m}\n      {what}" for m, what in METHODS))
    parser.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (default: a free one, printed)")
    parser.add_argument("--poll-period", type=int, default=None, help="patch PollCreator's POLL_PERIOD (57,600 blocks) to this many blocks")
    parser.add_argument("--accounts", type=int, default=20, help="funded accounts in the genesis block (default 20)")
    parser.add_argument("--networks-out", metavar="FILE", help="write a networks.yaml naming this devnet `devnet`")
    parser.add_argument("--stdin", action="store_true", help="stop when standard input closes (for a parent process); default: serve until killed")
    args = parser.parse_args()
    serve(Devnet(args.poll_period, args.accounts), args.port, args.stdin, args.networks_out)


if __name__ == "__main__":
    main()
