import ArgumentParser
import Foundation
import LIPKit

// The library's enums as command-line values: help lists them, parsing needs no `!`.

extension LIPStatus: ExpressibleByArgument {
    /// As written (`"Last Call"`) or in kebab case (`last-call`), any case.
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.kebab) }
    public static var allValueDescriptions: [String: String] { Dictionary(uniqueKeysWithValues: allCases.map { ($0.kebab, $0.rawValue) }) }
    public var defaultValueDescription: String { kebab }
}

extension LIPType: ExpressibleByArgument {
    /// As written (`"Standard Track"`) or in kebab case (`standard-track`), any case.
    public init?(argument: String) { self.init(parsing: argument) }
    public static var allValueStrings: [String] { allCases.map(\.kebab) }
    public static var allValueDescriptions: [String: String] { Dictionary(uniqueKeysWithValues: allCases.map { ($0.kebab, $0.rawValue) }) }
    public var defaultValueDescription: String { kebab }
}

extension StakeMode: ExpressibleByArgument {}
extension VoteChoice: ExpressibleByArgument {}
extension QuorumBase: ExpressibleByArgument {}
extension Chain: ExpressibleByArgument {}
extension SnapshotFormat: ExpressibleByArgument {}
extension FindingFormat: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    /// A real YYYY-MM-DD date.
    public init?(argument: String) { self.init(argument) }
}

/// `text` as an address, or a usage error naming `what` and why (a mixed case that is not its
/// EIP-55 checksum names the checksum).
func parsedAddress(_ text: String, _ what: String) throws -> Address {
    guard let address = Address(text) else { throw LIPError.usage("\(what) `\(VisibleText.oneLine(text))` is not an account (\(Address.problem(with: text)))") }
    return address
}

/// `OPERATION=TXHASH`: an operation's label and the transaction that measured it.
struct MeasuredTransaction: ExpressibleByArgument {
    /// The operation (`[A-Za-z0-9._-]{1,64}`).
    var operation: String
    /// The transaction hash, lowercase.
    var hash: String

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, GasBenchmark.isLabel(parts[0]), parts[1].utf8.count == 66, parts[1].hasPrefix("0x"), Hex.decode(parts[1])?.count == 32 else {
            return nil
        }
        (operation, hash) = (parts[0], parts[1].lowercased())
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension VoteSupport: ExpressibleByArgument {
    /// `for`, `against` or `abstain`.
    public init?(argument: String) {
        guard let support = VoteSupport.allCases.first(where: { $0.name == argument }) else { return nil }
        self = support
    }

    /// The names, for help and completion.
    public static var allValueStrings: [String] { allCases.map(\.name) }
}
