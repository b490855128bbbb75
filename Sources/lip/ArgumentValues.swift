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
