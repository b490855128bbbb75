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

    /// The `lip ledger import` or `lip ledger sync` command of a recorded import into a ledger of
    /// `network`, with every flag it needs to run again: the network and its networks.yaml when it
    /// is not mainnet, and for a sync the node as the placeholder `URL` (no URL is ever stored).
    public init(_ record: ImportRecord, network: String = "mainnet") {
        var options = record.options
        if network != "mainnet" {
            if !options.contains("--network") { options += ["--network", network] }
            options += ["--networks", "networks.yaml"]
        }
        switch record.kind {
        case .sync: line = ShellWord.line(["lip", "ledger", "sync", "poll", record.file] + options + ["--rpc"]) + " URL"
        case .proposalSync: line = ShellWord.line(["lip", "ledger", "sync", "proposals"] + options + ["--rpc"]) + " URL"
        case .migrationSync:
            // Recorded with the block it read up to (its --to-block) on the L2 chain, which the command has no option for.
            var words: [String] = []
            var i = 0
            while i < options.count {
                if ["--chain", "--block"].contains(options[i]) { i += 2 } else { words.append(options[i]); i += 1 }
            }
            line = ShellWord.line(["lip", "ledger", "sync", "migrations", "--to-block", String(record.block ?? 0)] + words + ["--rpc"]) + " URL"
        default: line = ShellWord.line(["lip", "ledger", "import", record.kind.rawValue, record.file] + options)
        }
        sha256 = record.sha256
    }

    /// The commands of `records` into a ledger of `network`, each once (a sync run again is one
    /// command: its last run's digest is kept), in the order they were first run.
    public static func commands(_ records: [ImportRecord], network: String) -> [ReproduceCommand] {
        var out: [ReproduceCommand] = []
        for command in records.map({ ReproduceCommand($0, network: network) }) {
            if let i = out.firstIndex(where: { $0.line == command.line }) { out[i].sha256 = command.sha256 } else { out.append(command) }
        }
        return out
    }

    /// `--network NAME --networks networks.yaml` for a network other than mainnet, else nothing.
    static func networkWords(_ network: String) -> [String] { network == "mainnet" ? [] : ["--network", network, "--networks", "networks.yaml"] }

    /// The `lip poll tally` command that gives `result` from the ledger at `ledgerPath` (nil: the
    /// workspace's) of `network`.
    public init(tallying poll: String, result: TallyResult, ledgerPath: String?, network: String = "mainnet") {
        var words = ["lip", "poll", "tally", poll, "--stake", result.stakeMode.rawValue, "--quorum-base", result.quorumBase.rawValue]
        if let ledgerPath { words += ["--db", ledgerPath] }
        line = ShellWord.line(words + Self.networkWords(network))
        sha256 = nil
    }
}
