import Foundation

/// A saved `result.json` (a poll's or a proposal's) is evidence from a pull request, not
/// authority: where the workspace has a ledger, the tally of that ledger must give the file,
/// field by field; without one the committed file is taken as it is, and the user is told once.
package enum SavedResult {
    /// Refuses (exit 1) when `file` (the bytes of `path`) differs from `expected` in any field,
    /// naming the first field and both values; `retally` is the command that saves the ledger's result.
    package static func require(file: Data, path: String, equals expected: JSONValue, ledger: String, retally: String) throws {
        guard let difference = JSONDifference.first(saved: file, expected: expected) else { return }
        throw LIPError.refused(
            "\(path) is not what the ledger \(ledger) gives: \(difference); a saved result is checked, never trusted: run `\(retally)` to save the ledger's result, and review it"
        )
    }

    /// What a command says, once, when it acts on `path` with no ledger to check it against.
    package static func noLedgerNotice(_ path: String) -> String {
        "lip: note: the workspace has no ledger (.lip/ledger.sqlite) to tally the poll again: \(path) is taken as committed"
    }
}
