#!/usr/bin/env python3
"""A local EVM with Livepeer's real poll contracts, served over JSON-RPC on 127.0.0.1.

lip's tests start it to sync polls from a real EVM instead of canned JSON; a user can start it to
rehearse a poll before opening it on mainnet. It runs py-evm (through eth-tester) and deploys:

- Livepeer's PollCreator from its deployed creation bytecode (vendor/livepeer-protocol), which
  creates real Poll contracts; `--poll-period N` patches its one constant POLL_PERIOD (57,600
  blocks) so that a poll ends after N blocks;
- a BondingManager stand-in (BondingManager.vy) with the real view signatures;
- a Multicall3 stand-in (Multicall3.vy) with the real aggregate3 ABI;
- a RoundsManager stand-in (RoundsManager.vy): currentRound(), a round every 10 blocks;
- LivepeerGovernor and BondingVotes stand-ins (LivepeerGovernor.vy, BondingVotes.vy) that emit the
  governor's real events and answer its real views, with round-keyed checkpoints set by the test.

It prints one JSON line ({"port", "chainId", "pollCreator", "bondingManager", "multicall3",
"roundsManager", "governor", "bondingVotes", "firstBlock"}) and serves until standard input closes or it is killed.

Standard JSON-RPC methods (what lip uses): eth_chainId, eth_blockNumber, eth_getBlockByNumber,
eth_getLogs, eth_call, batches of them. Methods a test or a rehearsal drives the chain with:
devnet_accounts(n), devnet_bond(delegator, delegate, wei), devnet_bondMany(delegators, delegate, wei), devnet_rebond(delegator, wei),
devnet_transferBond(old, new, wei), devnet_register(address, bool), devnet_createPoll(from, cid),
devnet_vote(from, poll, choiceID), devnet_voteMany(voters, poll, choiceIDs), devnet_mine(n), devnet_expected(poll), devnet_stats(),
devnet_checkpoint(account, round, delegate, votes), devnet_setTotalSupply(round, wei), devnet_propose(from, id, voteStart, voteEnd,
description), devnet_castVote(from, id, support, reason[, params]), devnet_setProposal(id, state, against, for, abstain),
devnet_governor(action, id[, eta]) (queue, execute, cancel), devnet_updateQuorumNumerator(fromRound, numerator),
devnet_expectedProposal(id),
devnet_setFaults({...}). Faults, each a count of HTTP requests it applies to (or a limit):
http429 (with Retry-After: 1), http500, drop (close the connection), slow (answer after 3 s),
malformed (a body that is not JSON), wrongId, logsRangeLimit (blocks), logsResultLimit (logs),
batchLimit (requests in one batch).
"""

import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import vyper
from eth_abi import decode, encode
from eth_tester import EthereumTester, PyEVMBackend
from eth_utils import keccak, to_checksum_address

HERE = os.path.dirname(os.path.abspath(__file__))
VOTE_TOPIC = "0x" + keccak(text="Vote(address,uint256)").hex()
POLL_CREATED_TOPIC = "0x" + keccak(text="PollCreated(address,bytes,uint256,uint256,uint256)").hex()
PROPOSAL_CREATED_TOPIC = "0x" + keccak(text="ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)").hex()
VOTE_CAST_TOPIC = "0x" + keccak(text="VoteCast(address,uint256,uint8,uint256,string)").hex()
VOTE_CAST_WITH_PARAMS_TOPIC = "0x" + keccak(text="VoteCastWithParams(address,uint256,uint8,uint256,string,bytes)").hex()


def selector(signature):
    return keccak(text=signature)[:4]


def hexint(n):
    return hex(n)


def as_hex(value):
    if isinstance(value, (bytes, bytearray)):
        return "0x" + bytes(value).hex()
    return value


class Devnet:
    def __init__(self, poll_period, accounts):
        state = PyEVMBackend.generate_genesis_state(num_accounts=accounts)
        params = PyEVMBackend.generate_genesis_params(overrides={"gas_limit": 30_000_000})
        self.tester = EthereumTester(PyEVMBackend(genesis_parameters=params, genesis_state=state))
        self.accounts = self.tester.get_accounts()
        self.lock = threading.RLock()
        self.faults = {}
        self.logs = []  # every log of every transaction sent here, in chain order (eth-tester's own filter is slow)
        self.stats = {"requests": 0, "calls": 0, "batches": 0}
        self.bonding_manager = self.deploy(self.compile("BondingManager.vy"))
        self.multicall3 = self.deploy(self.compile("Multicall3.vy"))
        self.rounds_manager = self.deploy(self.compile("RoundsManager.vy") + encode(["uint256"], [10]).hex())
        self.bonding_votes = self.deploy(self.compile("BondingVotes.vy"))
        self.governor = self.deploy(self.compile("LivepeerGovernor.vy") + encode(["address", "uint256"], [self.bonding_votes, 333300]).hex())
        with open(os.path.join(HERE, "vendor", "livepeer-protocol", "PollCreator.json")) as f:
            creation = json.load(f)["bytecode"]
        if poll_period is not None:
            if not 0 < poll_period < 0x10000:
                raise SystemExit("--poll-period must fit in two bytes")
            assert creation.count("61e100") == 2, "POLL_PERIOD is not where it was"
            creation = creation.replace("61e100", "61%04x" % poll_period)
        self.poll_creator = self.deploy(creation + encode(["address"], [self.bonding_manager]).hex())
        self.first_block = self.head()

    # Chain helpers -------------------------------------------------------------------------

    def compile(self, name):
        with open(os.path.join(HERE, name)) as f:
            return vyper.compile_code(f.read(), output_formats=["bytecode"])["bytecode"]

    def send(self, sender, to, data, gas=3_000_000):
        tx = {"from": sender, "gas": gas, "data": data if data.startswith("0x") else "0x" + data}
        if to is not None:
            tx["to"] = to
        tx_hash = self.tester.send_transaction(tx)
        receipt = self.tester.get_transaction_receipt(tx_hash)
        if receipt.get("status", 1) != 1:
            raise ValueError("transaction reverted")
        for log in receipt["logs"]:
            self.logs.append({"address": to_checksum_address(log["address"]), "topics": [as_hex(t) for t in log["topics"]], "data": as_hex(log["data"]),
                              "block_number": receipt["block_number"], "block_hash": as_hex(receipt["block_hash"]),
                              "transaction_hash": as_hex(receipt["transaction_hash"]), "transaction_index": receipt["transaction_index"],
                              "log_index": log["log_index"]})
        return receipt

    def deploy(self, code):
        receipt = self.send(self.accounts[0], None, code, gas=8_000_000)
        return to_checksum_address(receipt["contract_address"])

    def head(self):
        return self.tester.get_block_by_number("latest")["number"]

    def view(self, to, signature, types, args, returns, block):
        data = "0x" + (selector(signature) + encode(types, args)).hex()
        out = self.tester.call({"from": self.accounts[0], "to": to, "data": data}, block)
        return decode(returns, bytes.fromhex(as_hex(out)[2:]))

    def bm(self, signature, types, args):
        return self.send(self.accounts[0], self.bonding_manager, "0x" + (selector(signature) + encode(types, args)).hex())

    # Scenario methods ----------------------------------------------------------------------

    def devnet_accounts(self, n):
        return [to_checksum_address(a) for a in self.accounts[: int(n)]]

    def devnet_bond(self, delegator, delegate, wei):
        self.bm("bond(address,address,uint256)", ["address", "address", "uint256"], [delegator, delegate, int(wei)])
        return self.head()

    def devnet_rebond(self, delegator, wei):
        self.bm("rebond(address,uint256)", ["address", "uint256"], [delegator, int(wei)])
        return self.head()

    def devnet_transferBond(self, old, new, wei):
        self.bm("transferBond(address,address,uint256)", ["address", "address", "uint256"], [old, new, int(wei)])
        return self.head()

    def devnet_register(self, address, registered=True):
        self.bm("setRegistered(address,bool)", ["address", "bool"], [address, bool(registered)])
        return self.head()

    def devnet_createPoll(self, sender, cid):
        data = "0x" + (selector("createPoll(bytes)") + encode(["bytes"], [cid.encode()])).hex()
        receipt = self.send(sender, self.poll_creator, data)
        for log in receipt["logs"]:
            topics = [as_hex(t) for t in log["topics"]]
            if topics[0] == POLL_CREATED_TOPIC:
                poll = to_checksum_address("0x" + topics[1][-40:])
                _, end_block, _, _ = decode(["bytes", "uint256", "uint256", "uint256"], bytes.fromhex(as_hex(log["data"])[2:]))
                return {"poll": poll, "endBlock": end_block, "block": receipt["block_number"]}
        raise ValueError("no PollCreated")

    def devnet_vote(self, sender, poll, choice):
        data = "0x" + (selector("vote(uint256)") + encode(["uint256"], [int(choice)])).hex()
        return self.send(sender, poll, data)["block_number"]

    def devnet_voteMany(self, voters, poll, choices):
        """Votes of many accounts in one request (a transaction each)."""
        data = [("0x" + (selector("vote(uint256)") + encode(["uint256"], [int(c)])).hex()) for c in choices]
        for voter, d in zip(voters, data):
            self.send(voter, poll, d, gas=200_000)
        return self.head()

    def devnet_bondMany(self, delegators, delegate, wei):
        """Bonds many delegators to one delegate, 100 in a transaction."""
        sig = selector("bondMany(address[],address,uint256)")
        for start in range(0, len(delegators), 100):
            data = "0x" + (sig + encode(["address[]", "address", "uint256"], [delegators[start:start + 100], delegate, int(wei)])).hex()
            self.send(self.accounts[0], self.bonding_manager, data, gas=25_000_000)
        return self.head()

    def devnet_mine(self, n):
        self.tester.mine_blocks(int(n))
        return self.head()

    def devnet_stats(self):
        return dict(self.stats)

    def devnet_setFaults(self, faults):
        self.faults = {k: int(v) for k, v in faults.items()}
        return True

    def devnet_expected(self, poll):
        """The tally of `poll` computed here, independently of lip, from the chain's state at the
        deciding block: LIP-16 weights, quorum against getTotalBonded()."""
        created = [l for l in self.raw_logs(self.first_block, self.head(), self.poll_creator, [POLL_CREATED_TOPIC])
                   if l["topics"][1][-40:].lower() == poll[2:].lower()]
        _, end_block, quorum, quota = decode(["bytes", "uint256", "uint256", "uint256"], bytes.fromhex(created[0]["data"][2:]))
        head = self.head()
        block = min(end_block, head)
        votes = sorted(self.raw_logs(created[0]["block_number"], block, poll, [VOTE_TOPIC]),
                       key=lambda l: (l["block_number"], l["log_index"]))
        choice = {}
        for log in votes:
            voter = to_checksum_address("0x" + log["topics"][1][-40:])
            (c,) = decode(["uint256"], bytes.fromhex(log["data"][2:]))
            if c in (0, 1):
                choice[voter] = c
        state = {}
        for voter in choice:
            (bonded, _, delegate, _, _, _, _) = self.view(self.bonding_manager, "getDelegator(address)", ["address"], [voter],
                                                          ["uint256", "uint256", "address", "uint256", "uint256", "uint256", "uint256"], block)
            (stake,) = self.view(self.bonding_manager, "pendingStake(address,uint256)", ["address", "uint256"], [voter, 0], ["uint256"], block)
            (delegated,) = self.view(self.bonding_manager, "transcoderTotalStake(address)", ["address"], [voter], ["uint256"], block)
            (registered,) = self.view(self.bonding_manager, "isRegisteredTranscoder(address)", ["address"], [voter], ["bool"], block)
            state[voter] = (stake, to_checksum_address(delegate), delegated, registered)
        (total,) = self.view(self.bonding_manager, "getTotalBonded()", [], [], ["uint256"], block)
        weights = {}
        for voter, (stake, delegate, delegated, registered) in state.items():
            if registered:
                overriding = sum(s for other, (s, d, _, _) in state.items() if other != voter and d == voter)
                weights[voter] = max(0, delegated - overriding)
            else:
                weights[voter] = stake
        yes = sum(w for v, w in weights.items() if choice[v] == 0)
        no = sum(w for v, w in weights.items() if choice[v] == 1)
        vote_stake = yes + no
        quorum_met = vote_stake >= total * quorum // 1_000_000
        result = "quorum-not-met" if not quorum_met else ("yes" if yes > vote_stake * quota // 1_000_000 else "no")
        return {"block": block, "endBlock": end_block, "provisional": head < end_block, "yes": str(yes), "no": str(no),
                "totalStake": str(total), "result": result, "weights": {v: str(w) for v, w in sorted(weights.items())}}

    # Governor ------------------------------------------------------------------------------

    def call(self, sender, to, signature, types, args, gas=3_000_000):
        return self.send(sender, to, "0x" + (selector(signature) + encode(types, args)).hex(), gas=gas)

    def devnet_checkpoint(self, account, round, delegate, votes):
        self.call(self.accounts[0], self.bonding_votes, "setCheckpoint(address,uint256,address,uint256)", ["address", "uint256", "address", "uint256"],
                  [account, int(round), delegate, int(votes)])
        return self.head()

    def devnet_setTotalSupply(self, round, wei):
        self.call(self.accounts[0], self.bonding_votes, "setTotalSupply(uint256,uint256)", ["uint256", "uint256"], [int(round), int(wei)])
        return self.head()

    def devnet_propose(self, sender, proposal_id, vote_start, vote_end, description):
        self.call(sender, self.governor, "propose(uint256,address[],uint256[],string[],bytes[],uint256,uint256,string)",
                  ["uint256", "address[]", "uint256[]", "string[]", "bytes[]", "uint256", "uint256", "string"],
                  [int(proposal_id), [self.bonding_votes], [0], ["setTotalSupply(uint256,uint256)"], [b"\x01\x02"], int(vote_start), int(vote_end), description])
        return self.head()

    def devnet_castVote(self, sender, proposal_id, support, reason, params=None):
        if params is None:
            self.call(sender, self.governor, "castVoteWithReason(uint256,uint8,string)", ["uint256", "uint8", "string"], [int(proposal_id), int(support), reason])
        else:
            self.call(sender, self.governor, "castVoteWithReasonAndParams(uint256,uint8,string,bytes)", ["uint256", "uint8", "string", "bytes"],
                      [int(proposal_id), int(support), reason, bytes.fromhex(params[2:])])
        return self.head()

    def devnet_setProposal(self, proposal_id, state, against, for_, abstain):
        self.call(self.accounts[0], self.governor, "setProposal(uint256,uint8,uint256,uint256,uint256)", ["uint256", "uint8", "uint256", "uint256", "uint256"],
                  [int(proposal_id), int(state), int(against), int(for_), int(abstain)])
        return self.head()

    def devnet_governor(self, action, proposal_id, eta=0):
        if action == "queue":
            self.call(self.accounts[0], self.governor, "queue(uint256,uint256)", ["uint256", "uint256"], [int(proposal_id), int(eta)])
        else:
            self.call(self.accounts[0], self.governor, f"{action}(uint256)", ["uint256"], [int(proposal_id)])
        return self.head()

    def devnet_updateQuorumNumerator(self, from_round, numerator):
        self.call(self.accounts[0], self.governor, "updateQuorumNumerator(uint256,uint256)", ["uint256", "uint256"], [int(from_round), int(numerator)])
        return self.head()

    def devnet_expectedProposal(self, proposal_id):
        """GovernorCountingOverridable's totals of a proposal, computed here from the chain (its
        VoteCast logs and BondingVotes' delegatedAt at the snapshot round), independently of lip."""
        proposal_id = int(proposal_id)
        start = None
        for log in self.raw_logs(self.first_block, self.head(), self.governor, [PROPOSAL_CREATED_TOPIC]):
            values = decode(["uint256", "address", "address[]", "uint256[]", "string[]", "bytes[]", "uint256", "uint256", "string"], bytes.fromhex(log["data"][2:]))
            if values[0] == proposal_id:
                start = values[6]
        votes = []
        for topic in (VOTE_CAST_TOPIC, VOTE_CAST_WITH_PARAMS_TOPIC):
            for log in self.raw_logs(self.first_block, self.head(), self.governor, [topic]):
                data = bytes.fromhex(log["data"][2:])
                pid, support, weight = decode(["uint256", "uint8", "uint256"], data[:96])
                if pid == proposal_id:
                    votes.append((to_checksum_address("0x" + log["topics"][1][-40:]), support, weight))
        def delegated(account):
            (d,) = self.view(self.bonding_votes, "delegatedAt(address,uint256)", ["address", "uint256"], [account, start], ["address"], "latest")
            return to_checksum_address(d)
        totals = [0, 0, 0]
        deductions = {}
        for voter, support, weight in votes:
            d = delegated(voter)
            if d != voter and delegated(d) == d:
                deductions[d] = deductions.get(d, 0) + weight
        counted = {}
        for voter, support, weight in votes:
            w = weight - deductions.get(voter, 0) if delegated(voter) == voter else weight
            counted[voter] = w
            totals[support] += w
        return {"against": str(totals[0]), "for": str(totals[1]), "abstain": str(totals[2]), "counted": {v: str(w) for v, w in sorted(counted.items())}}

    # JSON-RPC methods ----------------------------------------------------------------------

    def raw_logs(self, from_block, to_block, address, topics):
        wanted = [t.lower() if isinstance(t, str) else t for t in (topics or [])]
        out = []
        for log in self.logs:
            if not from_block <= log["block_number"] <= to_block:
                continue
            if address and log["address"].lower() != address.lower():
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

    def eth_getBlockByNumber(self, tag, full=False):
        number = self.block_number(tag)
        if number > self.head():
            return None
        block = self.tester.get_block_by_number(number)
        return {"number": hexint(block["number"]), "hash": as_hex(block["hash"]), "parentHash": as_hex(block["parent_hash"]),
                "timestamp": hexint(block["timestamp"]), "transactions": []}

    def eth_getLogs(self, query):
        start = self.block_number(query.get("fromBlock", "earliest"))
        end = self.block_number(query.get("toBlock", "latest"))
        limit = self.faults.get("logsRangeLimit")
        if limit and end - start + 1 > limit:
            raise RpcError(-32602, f"block range too large: max {limit} blocks")
        topics = query.get("topics")
        logs = self.raw_logs(start, end, query.get("address"), topics)
        result_limit = self.faults.get("logsResultLimit")
        if result_limit and len(logs) > result_limit:
            raise RpcError(-32005, f"query returned more than {result_limit} results")
        out = []
        for log in logs:
            out.append({"address": log["address"], "topics": log["topics"],
                        "data": log["data"], "blockNumber": hexint(log["block_number"]),
                        "blockHash": as_hex(log["block_hash"]), "transactionHash": as_hex(log["transaction_hash"]),
                        "transactionIndex": hexint(log["transaction_index"]), "logIndex": hexint(log["log_index"]), "removed": False})
        return out

    def eth_call(self, tx, tag="latest"):
        number = self.block_number(tag)
        if number > self.head():
            raise RpcError(-32000, "header not found")
        out = self.tester.call({"from": self.accounts[0], "to": tx["to"], "data": tx.get("data") or tx.get("input", "0x")}, number)
        return as_hex(out)


class RpcError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def serve(devnet, port):
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
            methods = [r.get("method", "") for r in (request if isinstance(request, list) else [request])]
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
                if self.take("malformed"):
                    return self.reply(200, b"<html>upstream error</html>")
                limit = devnet.faults.get("batchLimit")
                if isinstance(request, list) and limit and len(request) > limit:
                    return self.reply(200, {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": f"batch too large: at most {limit} requests"}})
            wrong_id = not driving and self.take("wrongId")
            if isinstance(request, list):
                answer = [self.answer(r, wrong_id) for r in request]
            else:
                answer = self.answer(request, wrong_id)
            self.reply(200, answer)

        def answer(self, request, wrong_id):
            rid = request.get("id")
            try:
                method = getattr(devnet, request.get("method", ""), None)
                if method is None or request["method"].startswith("_") or not (request["method"].startswith("eth_") or request["method"].startswith("devnet_")):
                    raise RpcError(-32601, "method not found")
                with devnet.lock:
                    result = method(*request.get("params", []))
                return {"jsonrpc": "2.0", "id": (rid + 1000 if isinstance(rid, int) else "x") if wrong_id else rid, "result": result}
            except RpcError as e:
                return {"jsonrpc": "2.0", "id": rid, "error": {"code": e.code, "message": e.message}}
            except Exception as e:  # a revert, a bad argument: the node's error
                return {"jsonrpc": "2.0", "id": rid, "error": {"code": -32000, "message": str(e)}}

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    print(json.dumps({"port": server.server_address[1], "chainId": devnet.tester.backend.chain.chain_id,
                      "pollCreator": devnet.poll_creator, "bondingManager": devnet.bonding_manager,
                      "multicall3": devnet.multicall3, "roundsManager": devnet.rounds_manager, "governor": devnet.governor,
                      "bondingVotes": devnet.bonding_votes, "firstBlock": devnet.first_block}), flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Stop when the process that started us goes away (its end of our standard input closes).
    try:
        while sys.stdin.read(1):
            pass
    except KeyboardInterrupt:
        pass
    server.shutdown()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--poll-period", type=int, default=None, help="patch PollCreator's POLL_PERIOD to this many blocks")
    parser.add_argument("--accounts", type=int, default=20, help="funded accounts in the genesis block")
    args = parser.parse_args()
    serve(Devnet(args.poll_period, args.accounts), args.port)


if __name__ == "__main__":
    main()
