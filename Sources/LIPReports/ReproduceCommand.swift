import Foundation
import LIPGovernor
import LIPTally
import LIPDocuments
import LIPCore
import LIPEthereum
import LIPLedger

/// A `lip` command a report lists so that anyone can rebuild the ledger and the result.
public struct ReproduceCommand: Equatable, Sendable {
    /// The command line, its words shell-quoted.
    public var line: String
    /// SHA-256 of the file it reads, when it reads one.
    public var sha256: String?

    /// Creates a command.
    public init(line: String, sha256: String? = nil) {
        self.line = line
        self.sha256 = sha256
    }

    /// The `lip ledger import` command of a recorded import.
    public init(_ record: ImportRecord) {
        switch record.kind {
        case .sync: line = ShellWord.line(["lip", "ledger", "sync", "poll", record.file] + record.options)
        case .proposalSync: line = ShellWord.line(["lip", "ledger", "sync", "proposals"] + record.options)
        default: line = ShellWord.line(["lip", "ledger", "import", record.kind.rawValue, record.file] + record.options)
        }
        sha256 = record.sha256
    }

    /// The `lip poll tally` command that gives `result` from the ledger at `ledgerPath` (nil: the workspace's).
    public init(tallying poll: String, result: TallyResult, ledgerPath: String?) {
        var words = ["lip", "poll", "tally", poll, "--stake", result.stakeMode.rawValue, "--quorum-base", result.quorumBase.rawValue]
        if let ledgerPath { words += ["--db", ledgerPath] }
        line = ShellWord.line(words)
        sha256 = nil
    }
}
