import ArgumentParser
import Foundation
import LIPKit

struct LedgerVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every snapshot's row digest and sums, and report any snapshot whose rows changed since the import (exit 1).",
        discussion: """
            At import lip stores each snapshot's row digest (SHA-256 of its canonical rows), its count and its sums; a tally's inputs digest names a snapshot by that digest instead of reading every row. A row edited with sqlite3 afterwards makes the stored digest wrong: this command finds it.

            Examples:
              lip ledger verify
              lip ledger verify --db ledger.sqlite

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        var changed = 0
        for check in try ledger.open().checkSnapshots() {
            let s = check.snapshot
            let name = "\(s.chain.rawValue) snapshot at block \(s.block)"
            if check.isIntact {
                say("\(name): \(s.accounts) rows intact (sha256 \(s.rowsSHA256.prefix(16))…)")
            } else {
                changed += 1
                say(
                    "\(name): rows changed since the import: stored \(s.accounts) rows, sha256 \(s.rowsSHA256.prefix(16))…, total \(s.totalStake); now \(check.accounts) rows, sha256 \(check.rowsSHA256.prefix(16))…, total \(check.totalStake)"
                )
            }
        }
        if changed > 0 {
            warn("lip: \(changed) snapshot\(changed == 1 ? "" : "s") changed since import: re-import \(changed == 1 ? "it" : "them") with --replace")
            throw ExitStatus.findings
        }
    }
}
