# pragma version ^0.4.0
# A stand-in for LivepeerGovernor on the devnet. It emits the real events (ProposalCreated with its
# dynamic arrays, VoteCast with the voter indexed, VoteCastWithParams, ProposalQueued/Executed/
# Canceled, QuorumNumeratorUpdated) and answers the real views (state, proposalVotes,
# quorumNumerator(round), quota). A vote's weight is BondingVotes' getPastVotes at the snapshot
# round, as on chain. The counting under test is lip's: proposalVotes returns what the test set.

interface BondingVotes:
    def getPastVotes(account: address, round: uint256) -> uint256: view

event ProposalCreated:
    proposalId: uint256
    proposer: address
    targets: DynArray[address, 8]
    callValues: DynArray[uint256, 8]
    signatures: DynArray[String[64], 8]
    calldatas: DynArray[Bytes[256], 8]
    voteStart: uint256
    voteEnd: uint256
    description: String[4096]

event VoteCast:
    voter: indexed(address)
    proposalId: uint256
    support: uint8
    weight: uint256
    reason: String[1024]

event VoteCastWithParams:
    voter: indexed(address)
    proposalId: uint256
    support: uint8
    weight: uint256
    reason: String[1024]
    params: Bytes[256]

event ProposalQueued:
    proposalId: uint256
    eta: uint256

event ProposalExecuted:
    proposalId: uint256

event ProposalCanceled:
    proposalId: uint256

event QuorumNumeratorUpdated:
    oldQuorumNumerator: uint256
    newQuorumNumerator: uint256

bondingVotes: public(address)
numeratorRounds: DynArray[uint256, 32]
numeratorValues: DynArray[uint256, 32]
snapshots: HashMap[uint256, uint256]
states: HashMap[uint256, uint8]
tallies: HashMap[uint256, uint256[3]]
voted: HashMap[uint256, HashMap[address, bool]]


@deploy
def __init__(votes: address, numerator: uint256):
    self.bondingVotes = votes
    self.numeratorRounds.append(0)
    self.numeratorValues.append(numerator)


@external
def propose(proposalId: uint256, targets: DynArray[address, 8], callValues: DynArray[uint256, 8], signatures: DynArray[String[64], 8], calldatas: DynArray[Bytes[256], 8], voteStart: uint256, voteEnd: uint256, description: String[4096]):
    self.snapshots[proposalId] = voteStart
    self.states[proposalId] = 1
    log ProposalCreated(proposalId=proposalId, proposer=msg.sender, targets=targets, callValues=callValues, signatures=signatures, calldatas=calldatas, voteStart=voteStart, voteEnd=voteEnd, description=description)


@internal
def _weight(proposalId: uint256, support: uint8) -> uint256:
    assert not self.voted[proposalId][msg.sender], "already voted"
    assert support <= 2, "invalid support"
    self.voted[proposalId][msg.sender] = True
    return staticcall BondingVotes(self.bondingVotes).getPastVotes(msg.sender, self.snapshots[proposalId])


@external
def castVoteWithReason(proposalId: uint256, support: uint8, reason: String[1024]) -> uint256:
    weight: uint256 = self._weight(proposalId, support)
    log VoteCast(voter=msg.sender, proposalId=proposalId, support=support, weight=weight, reason=reason)
    return weight


@external
def castVoteWithReasonAndParams(proposalId: uint256, support: uint8, reason: String[1024], params: Bytes[256]) -> uint256:
    weight: uint256 = self._weight(proposalId, support)
    log VoteCastWithParams(voter=msg.sender, proposalId=proposalId, support=support, weight=weight, reason=reason, params=params)
    return weight


@external
def setProposal(proposalId: uint256, state: uint8, against: uint256, forVotes: uint256, abstain: uint256):
    self.states[proposalId] = state
    self.tallies[proposalId] = [against, forVotes, abstain]


@external
def queue(proposalId: uint256, eta: uint256):
    self.states[proposalId] = 5
    log ProposalQueued(proposalId=proposalId, eta=eta)


@external
def execute(proposalId: uint256):
    self.states[proposalId] = 7
    log ProposalExecuted(proposalId=proposalId)


@external
def cancel(proposalId: uint256):
    self.states[proposalId] = 2
    log ProposalCanceled(proposalId=proposalId)


@external
def updateQuorumNumerator(fromRound: uint256, numerator: uint256):
    old: uint256 = self.numeratorValues[len(self.numeratorValues) - 1]
    self.numeratorRounds.append(fromRound)
    self.numeratorValues.append(numerator)
    log QuorumNumeratorUpdated(oldQuorumNumerator=old, newQuorumNumerator=numerator)


@view
@external
def quorumNumerator(round: uint256) -> uint256:
    value: uint256 = 0
    for i: uint256 in range(32):
        if i >= len(self.numeratorRounds):
            break
        if self.numeratorRounds[i] <= round:
            value = self.numeratorValues[i]
    return value


@view
@external
def quota() -> uint256:
    return 500000


@view
@external
def state(proposalId: uint256) -> uint8:
    return self.states[proposalId]


@view
@external
def proposalVotes(proposalId: uint256) -> (uint256, uint256, uint256):
    t: uint256[3] = self.tallies[proposalId]
    return t[0], t[1], t[2]
