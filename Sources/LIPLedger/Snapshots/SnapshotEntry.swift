import BigInt
import Foundation
import LIPEthereum
import LIPCore

/// One LIP-73 snapshot entry: `abi.encodePacked(address delegator, address delegate, uint256 stake, uint256 fees)`.
public struct SnapshotEntry: Equatable, Sendable {
    /// The L1 account.
    public var delegator: Address
    /// Its delegate (the zero address: none).
    public var delegate: Address
    /// Its stake in wei.
    public var stake: BigUInt
    /// Its fees in wei.
    public var fees: BigUInt

    /// Creates an entry.
    public init(delegator: Address, delegate: Address, stake: BigUInt, fees: BigUInt) {
        self.delegator = delegator
        self.delegate = delegate
        self.stake = stake
        self.fees = fees
    }

    /// Decodes 104 packed bytes.
    public init(packed bytes: [UInt8]) {
        precondition(bytes.count == 104)
        delegator = Address(bytes: Array(bytes[0..<20]))
        delegate = Address(bytes: Array(bytes[20..<40]))
        stake = BigUInt(Data(bytes[40..<72]))
        fees = BigUInt(Data(bytes[72..<104]))
    }

    /// The 104 packed bytes.
    public var packed: [UInt8] { delegator.bytes + delegate.bytes + ABI.encode(uint: stake) + ABI.encode(uint: fees) }

    /// The Merkle leaf: keccak256 of the packed bytes.
    public var leaf: [UInt8] { Keccak256.hash(packed) }
}
