"""Livepeer's L2 protocol (and the L2Migrator) deployed on a local py-evm chain from its published deployment artifacts
(vendor/: livepeer/protocol and livepeer/arbitrum-lpt-bridge `deployments/arbitrumMainnet/`, and
Multicall3's presigned deployment), registered in a Controller and initialized as livepeer/protocol's
deploy scripts do, with short rounds so that a test crosses rounds in seconds.

No contract here is written by this project: every address below runs Livepeer's own bytecode.
"""

import json
import os

from eth_abi import decode, encode
from eth_utils import keccak, to_checksum_address

HERE = os.path.dirname(os.path.abspath(__file__))
VENDOR = os.path.join(HERE, "vendor")

# The mainnet SortedDoublyLL that BondingManagerTarget's creation bytecode is linked to.
MAINNET_SORTED_DOUBLY_LL = "c45f6918f7bcac7abc8fe05302b3cdf39776cdeb"
LPT = 10**18
MAX_UINT = 2**256 - 1
# Arbitrum's L1-to-L2 address alias: an L1 contract's messages arrive from its address plus this.
ALIAS_OFFSET = 0x1111000000000000000000000000000000001111


def selector(signature):
    return keccak(text=signature)[:4]


def calldata(signature, types, args):
    return "0x" + (selector(signature) + encode(types, args)).hex()


def artifact(folder, name):
    with open(os.path.join(VENDOR, folder, name + ".json")) as f:
        return json.load(f)


class Protocol:
    """Deploys and drives the contracts through `chain`, which sends transactions
    (`chain.send(sender, to, data, gas)` returning a receipt, `chain.deploy(code)`) and calls views
    (`chain.view(to, data, block)` returning bytes)."""

    ROUND_LENGTH = 20
    UNBONDING_PERIOD = 2
    VOTING_DELAY = 1  # rounds
    VOTING_PERIOD = 3  # rounds
    QUORUM = 333300
    QUOTA = 500000

    def __init__(self, chain, owner, poll_period=None):
        self.chain = chain
        self.owner = owner
        self.controller = chain.deploy(artifact("livepeer-protocol", "Controller")["bytecode"])
        self.token = chain.deploy(artifact("arbitrum-lpt-bridge", "LivepeerToken")["bytecode"])
        self.data_cache = chain.deploy(artifact("arbitrum-lpt-bridge", "L2LPTDataCache")["bytecode"])
        library = chain.deploy(artifact("livepeer-protocol", "SortedDoublyLL")["bytecode"])
        bonding = artifact("livepeer-protocol", "BondingManagerTarget")["bytecode"]
        assert bonding.lower().count(MAINNET_SORTED_DOUBLY_LL) == 17, "BondingManagerTarget is not linked where it was"
        bonding = bonding.lower().replace(MAINNET_SORTED_DOUBLY_LL, library[2:].lower())
        c = encode(["address"], [self.controller]).hex()
        targets = {
            "BondingManager": self.deploy_with(bonding, c),
            "RoundsManager": self.deploy_with(artifact("livepeer-protocol", "RoundsManagerTarget")["bytecode"], c),
            "BondingVotes": self.deploy_with(artifact("livepeer-protocol", "BondingVotesTarget")["bytecode"], c),
            "TicketBroker": self.deploy_with(artifact("livepeer-protocol", "TicketBrokerTarget")["bytecode"], c),
            "LivepeerGovernor": self.deploy_with(artifact("livepeer-protocol", "LivepeerGovernorTarget")["bytecode"], c),
        }
        proxy = artifact("livepeer-protocol", "ManagerProxy")["bytecode"]
        proxies = {name: self.deploy_with(proxy, encode(["address", "bytes32"], [self.controller, keccak(text=name + "Target")]).hex()) for name in targets}
        self.minter = self.deploy_with(artifact("livepeer-protocol", "Minter")["bytecode"],
                                       encode(["address", "uint256", "uint256", "uint256"], [self.controller, 220500, 500, 500000000]).hex())
        self.treasury = chain.deploy(artifact("livepeer-protocol", "Treasury")["bytecode"])
        self.bonding_manager = proxies["BondingManager"]
        self.rounds_manager = proxies["RoundsManager"]
        self.bonding_votes = proxies["BondingVotes"]
        self.ticket_broker = proxies["TicketBroker"]
        self.governor = proxies["LivepeerGovernor"]
        commit = b"\x00" * 20
        registry = [("LivepeerToken", self.token), ("Minter", self.minter), ("Treasury", self.treasury), ("L2LPTDataCache", self.data_cache),
                    ("JobsManager", self.ticket_broker)]
        for name in targets:
            registry += [(name + "Target", targets[name]), (name, proxies[name])]
        for name, address in registry:
            self.send(owner, self.controller, "setContractInfo(bytes32,address,bytes20)", ["bytes32", "address", "bytes20"], [keccak(text=name), address, commit])
        self.send(owner, self.controller, "unpause()", [], [])
        minter_role = keccak(text="MINTER_ROLE")
        for account in (self.minter, owner):
            self.send(owner, self.token, "grantRole(bytes32,address)", ["bytes32", "address"], [minter_role, account])
        self.send(owner, self.rounds_manager, "setRoundLength(uint256)", ["uint256"], [self.ROUND_LENGTH])
        self.send(owner, self.rounds_manager, "setRoundLockAmount(uint256)", ["uint256"], [100000])
        self.send(owner, self.bonding_manager, "setUnbondingPeriod(uint64)", ["uint64"], [self.UNBONDING_PERIOD])
        self.send(owner, self.bonding_manager, "setNumActiveTranscoders(uint256)", ["uint256"], [100])
        self.send(owner, self.bonding_manager, "setTreasuryRewardCutRate(uint256)", ["uint256"], [10**26])
        self.send(owner, self.bonding_manager, "setTreasuryBalanceCeiling(uint256)", ["uint256"], [750000 * LPT])
        self.send(owner, self.treasury, "initialize(uint256,address[],address[],address)", ["uint256", "address[]", "address[]", "address"],
                  [0, [self.governor], [self.governor], owner])
        self.send(owner, self.governor, "initialize(uint256,uint256,uint256,uint256,uint256)", ["uint256"] * 5,
                  [self.VOTING_DELAY, self.VOTING_PERIOD, 100 * LPT, self.QUORUM, self.QUOTA])
        creation = artifact("livepeer-protocol", "PollCreator")["bytecode"]
        if poll_period is not None:
            if not 0 < poll_period < 0x10000:
                raise SystemExit("--poll-period must fit in two bytes")
            assert creation.count("61e100") == 2, "POLL_PERIOD is not where it was"
            creation = creation.replace("61e100", "61%04x" % poll_period)
        self.poll_creator = self.deploy_with(creation, encode(["address"], [self.bonding_manager]).hex())
        self.deploy_migrator(c, commit)

    def deploy_migrator(self, c, commit):
        """The L2Migrator behind the bridge's own proxy, the DelegatorPool it clones and the
        MerkleSnapshot holding the LIP-73 root, registered before `initialize` (which caches the
        Controller's addresses). The L1 migrator stored is `bridge − ALIAS_OFFSET`: the bridge
        account's calls then pass `onlyL1Counterpart` as the L1Migrator's retryable tickets do on
        mainnet (Solidity 0.8 adds the offset with checked arithmetic: the account must be at least
        the offset)."""
        owner, chain = self.owner, self.chain
        self.bridge = owner
        if int(self.bridge, 16) < ALIAS_OFFSET:
            raise SystemExit(f"the bridge account {self.bridge} is below Arbitrum's alias offset")
        self.delegator_pool_impl = chain.deploy(artifact("arbitrum-lpt-bridge", "DelegatorPool")["bytecode"])
        self.merkle_snapshot = self.deploy_with(artifact("livepeer-protocol", "MerkleSnapshot")["bytecode"], c)
        target = self.deploy_with(artifact("arbitrum-lpt-bridge", "L2MigratorTarget")["bytecode"], c)
        self.l2_migrator = self.deploy_with(artifact("arbitrum-lpt-bridge", "L2MigratorProxy")["bytecode"],
                                            encode(["address", "bytes32"], [self.controller, keccak(text="L2MigratorTarget")]).hex())
        for name, address in (("MerkleSnapshot", self.merkle_snapshot), ("L2MigratorTarget", target), ("L2Migrator", self.l2_migrator)):
            self.send(owner, self.controller, "setContractInfo(bytes32,address,bytes20)", ["bytes32", "address", "bytes20"], [keccak(text=name), address, commit])
        l1_migrator = to_checksum_address("0x%040x" % (int(self.bridge, 16) - ALIAS_OFFSET))
        self.send(owner, self.l2_migrator, "initialize(address,address)", ["address", "address"], [l1_migrator, self.delegator_pool_impl])

    def deploy_with(self, bytecode, args_hex):
        return self.chain.deploy(bytecode + args_hex)

    def send(self, sender, to, signature, types, args, gas=3_000_000):
        return self.chain.send(sender, to, calldata(signature, types, args), gas)

    def view(self, to, signature, types, args, returns, block="latest"):
        return decode(returns, self.chain.view(to, calldata(signature, types, args), block))

    # Rounds ----------------------------------------------------------------------------------

    def current_round(self, block="latest"):
        return self.view(self.rounds_manager, "currentRound()", [], [], ["uint256"], block)[0]
