# pragma version ^0.4.0
# A stand-in for Livepeer's RoundsManager on the devnet: `currentRound()`, one round every
# `roundLength` blocks, for syncs that read L1's pendingStake with the round of a block.

roundLength: public(uint256)


@deploy
def __init__(length: uint256):
    self.roundLength = length


@view
@external
def currentRound() -> uint256:
    return block.number // self.roundLength
