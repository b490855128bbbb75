# pragma version ^0.4.0
# A stand-in for Livepeer's BondingVotes on the devnet: round-keyed checkpoints with the real view
# signatures (getPastVotes, delegatedAt, getPastTotalSupply), set directly by the test, so that a
# sync reads weights and delegations the way it reads them on Arbitrum.

checkpointVotes: HashMap[address, HashMap[uint256, uint256]]
checkpointDelegate: HashMap[address, HashMap[uint256, address]]
supply: HashMap[uint256, uint256]


@external
def setCheckpoint(account: address, round: uint256, delegate: address, votes: uint256):
    self.checkpointVotes[account][round] = votes
    self.checkpointDelegate[account][round] = delegate


@external
def setTotalSupply(round: uint256, amount: uint256):
    self.supply[round] = amount


@view
@external
def getPastVotes(account: address, round: uint256) -> uint256:
    return self.checkpointVotes[account][round]


@view
@external
def delegatedAt(account: address, round: uint256) -> address:
    return self.checkpointDelegate[account][round]


@view
@external
def getPastTotalSupply(round: uint256) -> uint256:
    return self.supply[round]
