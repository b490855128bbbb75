import ArgumentParser
import Foundation
import LIPKit

/// What `lip poll vote` and `lip proposal vote` share: how the transaction is printed (its chain
/// id and contract are the ledger's network's).
struct VoteOutputOptions: ParsableArguments {
    @Option(help: "What to print: text, json ({chainId, to, value, data}) or safe (a Safe Transaction Builder batch).")
    var format: VoteFormat = .text

    /// Prints `tx` as asked; in text under `heading`, with `lines` (`weight`, `reason`) after its fields.
    func print(_ tx: VoteTransaction, heading: String, lines: [String] = []) {
        switch format {
        case .json: say(tx.json.serialized(), terminator: "")
        case .safe: say(tx.safeBatch.serialized(), terminator: "")
        case .text:
            var out = heading + ": an unsigned transaction\n"
            out += "  chain id  \(tx.chainID)\n  to        \(tx.to.checksummed)\n  value     0\n  data      \(Hex.prefixed(tx.data))\n"
            out += lines.map { "  \($0)\n" }.joined()
            out += "\nWith Foundry:  \(tx.castCommand)\nEIP-681:       \(tx.eip681)\n"
            say(out, terminator: "")
        }
    }
}

/// What `lip poll vote` and `lip proposal vote` print.
enum VoteFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, safe
}
