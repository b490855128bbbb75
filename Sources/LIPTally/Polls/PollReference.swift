import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum

/// A poll as a user names it on the command line: its address (`0x…`), or the LIP it decides
/// (`120`, `LIP-120`). The one place that reads what a user typed for a poll: tally, export, sync
/// and reconcile all go through it.
public enum PollReference: Equatable, Sendable, CustomStringConvertible {
    /// A poll contract.
    case address(Address)
    /// The poll of a LIP, found through its `Polls/LIP-<n>/poll.yaml` (or the ledger's link).
    case lip(Int)

    /// Reads `text`; anything else is a usage error (exit 2) saying what a poll reference is.
    public init(_ text: String) throws {
        if let address = Address(text) {
            self = .address(address)
        } else if let n = Int(text.hasPrefix("LIP-") ? String(text.dropFirst(4)) : text), n >= 0 {
            self = .lip(n)
        } else if text.hasPrefix("0x") || text.hasPrefix("0X") {
            throw LIPError.usage("`\(text)` is not a poll address (\(Address.problem(with: text)))")
        } else {
            throw LIPError.usage("`\(text)` is neither a poll address (0x + 40 hex digits) nor a LIP number (120 or LIP-120)")
        }
    }

    public var description: String {
        switch self {
        case .address(let a): return a.checksummed
        case .lip(let n): return "LIP-\(n)"
        }
    }

    /// The LIP this reference names in `workspace`: the number itself, or the LIP whose poll.yaml
    /// has the address; nil when no poll.yaml has it.
    public func lip(in workspace: Workspace) throws -> Int? {
        switch self {
        case .lip(let n): return n
        case .address(let a): return try PollFile.all(in: workspace).first { $0.address == a }?.lip
        }
    }

    /// The poll's address: the address itself, or the `address:` of the LIP's poll.yaml.
    public func address(in workspace: Workspace?) throws -> Address {
        switch self {
        case .address(let a): return a
        case .lip(let n):
            guard let workspace else { throw LIPError.usage("LIP-\(n): a poll named by its LIP needs a workspace (or give the poll's address)") }
            guard let file = try PollFile.load(lip: n, in: workspace), let a = file.address else {
                throw LIPError.usage("LIP-\(n) has no poll address: set `address:` in Polls/LIP-\(n)/poll.yaml once the poll is created")
            }
            return a
        }
    }
}
