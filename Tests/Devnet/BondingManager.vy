# pragma version ^0.4.0
# A stand-in for Livepeer's BondingManager on the devnet: the real view signatures that lip
# reads (getDelegator, pendingStake, transcoderTotalStake, isRegisteredTranscoder, getTotalBonded),
# the real Bond, Rebond and TransferBond events, and plain setters that a test calls to put stake
# where it wants it. No rounds, rewards or unbonding: stake is what the setters say.

event Bond:
    newDelegate: indexed(address)
    oldDelegate: indexed(address)
    delegator: indexed(address)
    additionalAmount: uint256
    bondedAmount: uint256

event Rebond:
    delegate: indexed(address)
    delegator: indexed(address)
    unbondingLockId: uint256
    amount: uint256

event TransferBond:
    oldDelegator: indexed(address)
    newDelegator: indexed(address)
    oldUnbondingLockId: uint256
    newUnbondingLockId: uint256
    amount: uint256

bonded: HashMap[address, uint256]
delegateOf: HashMap[address, address]
delegated: HashMap[address, uint256]
registered: HashMap[address, bool]
totalBonded: uint256


@internal
def _move(delegator: address, delegate: address, amount: uint256):
    old: address = self.delegateOf[delegator]
    before: uint256 = self.bonded[delegator]
    if old != empty(address):
        self.delegated[old] -= before
    self.delegated[delegate] += amount
    self.totalBonded = self.totalBonded - before + amount
    self.bonded[delegator] = amount
    self.delegateOf[delegator] = delegate


@external
def bond(delegator: address, delegate: address, amount: uint256):
    """Sets `delegator`'s bonded stake to `amount`, delegated to `delegate`."""
    old: address = self.delegateOf[delegator]
    before: uint256 = self.bonded[delegator]
    self._move(delegator, delegate, amount)
    additional: uint256 = 0
    if amount > before:
        additional = amount - before
    log Bond(newDelegate=delegate, oldDelegate=old, delegator=delegator, additionalAmount=additional, bondedAmount=amount)


@external
def rebond(delegator: address, amount: uint256):
    """Adds `amount` to `delegator`'s stake with its current delegate, as a rebond does."""
    delegate: address = self.delegateOf[delegator]
    self._move(delegator, delegate, self.bonded[delegator] + amount)
    log Rebond(delegate=delegate, delegator=delegator, unbondingLockId=0, amount=amount)


@external
def transferBond(oldDelegator: address, newDelegator: address, amount: uint256):
    """Moves `amount` of `oldDelegator`'s stake to `newDelegator`, with the same delegate."""
    delegate: address = self.delegateOf[oldDelegator]
    self._move(oldDelegator, delegate, self.bonded[oldDelegator] - amount)
    self._move(newDelegator, delegate, self.bonded[newDelegator] + amount)
    log TransferBond(oldDelegator=oldDelegator, newDelegator=newDelegator, oldUnbondingLockId=0, newUnbondingLockId=0, amount=amount)


@external
def setRegistered(transcoder: address, isRegistered: bool):
    self.registered[transcoder] = isRegistered


@view
@external
def getDelegator(delegator: address) -> (uint256, uint256, address, uint256, uint256, uint256, uint256):
    return (self.bonded[delegator], 0, self.delegateOf[delegator], self.delegated[delegator], 0, 0, 0)


@view
@external
def pendingStake(delegator: address, endRound: uint256) -> uint256:
    return self.bonded[delegator]


@view
@external
def transcoderTotalStake(transcoder: address) -> uint256:
    return self.delegated[transcoder]


@view
@external
def isRegisteredTranscoder(transcoder: address) -> bool:
    return self.registered[transcoder]


@view
@external
def getTotalBonded() -> uint256:
    return self.totalBonded


@external
def bondMany(delegators: DynArray[address, 200], delegate: address, amount: uint256):
    """`bond` for many delegators at once (the devnet's benchmark sets up thousands)."""
    for delegator: address in delegators:
        old: address = self.delegateOf[delegator]
        before: uint256 = self.bonded[delegator]
        self._move(delegator, delegate, amount)
        additional: uint256 = 0
        if amount > before:
            additional = amount - before
        log Bond(newDelegate=delegate, oldDelegate=old, delegator=delegator, additionalAmount=additional, bondedAmount=amount)
