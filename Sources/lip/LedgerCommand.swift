import ArgumentParser
import BigInt
import Foundation
import LIPKit

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The SQLite ledger of stake snapshots, event logs, votes and migrations.",
        discussion: """
        The ledger is `.lip/ledger.sqlite` in the workspace, or --db PATH, or $LIP_LEDGER; with
        --db no workspace is needed.

        Examples:
          lip ledger import snapshot l1.csv --chain l1 --block 14207040
          lip ledger status --format json
        """,
        subcommands: [LedgerImportCommand.self, LedgerStatusCommand.self, LedgerVerifySnapshotCommand.self])
}

/// `--db PATH`, shared by commands that use the ledger.
struct LedgerOptions: ParsableArguments {
    @OptionGroup var workspaceOptions: WorkspaceOptions

    @Option(help: ArgumentHelp("The ledger file (default: $LIP_LEDGER, else .lip/ledger.sqlite in the workspace).", valueName: "PATH"))
    var db: String?

    /// Opens the ledger.
    func open() throws -> Ledger {
        let env = ProcessInfo.processInfo.environment
        if let path = db ?? env["LIP_LEDGER"], !path.isEmpty {
            return try Ledger(path: URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path)
        }
        let workspace = try workspaceOptions.locate()
        return try Ledger(path: workspace.defaultLedger.path)
    }
}

enum ImportKind: String, ExpressibleByArgument, CaseIterable { case snapshot, logs, votes, migrations }

extension SnapshotFormat: ExpressibleByArgument {}
extension Chain: ExpressibleByArgument {}

struct LedgerImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a stake snapshot, raw event logs, votes or migrations into the ledger (each file all or nothing, idempotent).",
        discussion: """
        Examples:
          lip ledger import snapshot l1.csv --chain l1 --block 14207040
          lip ledger import snapshot delegatorClaimSnapshot.json --chain l1 --block 14207040 --format lip73
          lip ledger import snapshot l2.csv --chain l2 --block 6737210 --l1-block 14207040 --total-bonded 1000000000000000000000
          lip ledger import logs poll-logs.json --chain l2
          lip ledger import votes votes.csv --poll 0x1111111111111111111111111111111111111111
          lip ledger import migrations migrations.csv
        """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: "What the files hold: snapshot, logs, votes or migrations.")
    var kind: ImportKind

    @Argument(help: ArgumentHelp("The files to import, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    @Option(help: "The chain: l1 or l2 (snapshot, logs).")
    var chain: Chain?

    @Option(help: ArgumentHelp("The snapshot's block on its chain.", valueName: "N"))
    var block: Int?

    @Option(name: .customLong("l1-block"), help: ArgumentHelp("For an l2 snapshot: the L1 block number Arbitrum reported at --block.", valueName: "N"))
    var l1Block: Int?

    @Option(name: .customLong("total-bonded"), help: ArgumentHelp("The on-chain total bonded stake in wei; used as the quorum base.", valueName: "WEI"))
    var totalBonded: String?

    @Option(name: .customLong("total-active"), help: ArgumentHelp("The on-chain total active stake in wei.", valueName: "WEI"))
    var totalActive: String?

    @Option(help: "The snapshot format: csv, lip73 or subgraph (default: guessed from the content).")
    var format: SnapshotFormat?

    @Flag(help: "Replace a snapshot imported before with different content.")
    var replace = false

    @Option(help: ArgumentHelp("The poll the votes belong to (votes).", valueName: "ADDRESS"))
    var poll: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
        switch kind {
        case .snapshot:
            guard chain != nil else { throw ValidationError("a snapshot needs --chain l1|l2") }
            guard block != nil else { throw ValidationError("a snapshot needs --block N") }
            guard files.count == 1 else { throw ValidationError("import one snapshot file at a time (it is the state at one block)") }
            for (name, value) in [("--total-bonded", totalBonded), ("--total-active", totalActive)] {
                if let value { do { _ = try Amount.parseWei(value) } catch { throw ValidationError("\(name) `\(value)`: \(error)") } }
            }
        case .logs:
            guard chain != nil else { throw ValidationError("logs need --chain l1|l2") }
        case .votes:
            guard let poll else { throw ValidationError("votes need --poll ADDRESS") }
            guard Address(poll) != nil else { throw ValidationError("--poll `\(poll)` is not an address (0x + 40 hex digits)") }
        case .migrations:
            break
        }
    }

    func run() throws {
        try reporting {
            let ledger = try self.ledger.open()
            let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            let progress: ImportProgress? = stderrIsTerminal ? { n in FileHandle.standardError.write(Data("\r  \(n) rows…".utf8)) } : nil
            for file in files {
                let url = URL(fileURLWithPath: file, relativeTo: cwd).standardizedFileURL
                guard FileManager.default.fileExists(atPath: url.path) else { throw LIPError.unreadable(path: file, reason: "no such file") }
                let summary: ImportSummary
                switch kind {
                case .snapshot:
                    let options = SnapshotOptions(chain: chain!, block: block!, l1Block: l1Block, totalBonded: try totalBonded.map { try Amount.parseWei($0) },
                                                  totalActive: try totalActive.map { try Amount.parseWei($0) }, format: format, replace: replace)
                    summary = try ledger.importSnapshot(url, path: file, options: options, progress: progress)
                case .logs:
                    summary = try ledger.importLogs(url, path: file, chain: chain!, links: try PollFile.links(in: self.ledger.workspaceOptions.locateIfPresent()), progress: progress)
                case .votes:
                    summary = try ledger.importVotes(url, path: file, poll: Address(poll!)!)
                case .migrations:
                    summary = try ledger.importMigrations(url, path: file)
                }
                if progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                for w in summary.warnings { warn("lip: warning: \(file): \(w)") }
                say("\(file): \(summary.line)")
            }
            return 0
        }
    }
}

struct LedgerStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List what the ledger holds: snapshots, polls, migrations and logs.",
        discussion: "Examples:\n  lip ledger status\n  lip ledger status --format json --db ledger.sqlite")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        try reporting {
            let ledger = try self.ledger.open()
            let json = try ledger.statusJSON()
            if format == .json { say(json.serialized(), terminator: ""); return 0 }
            let snapshots = try ledger.snapshots()
            say("ledger: \(ledger.path)")
            say("snapshots:" + (snapshots.isEmpty ? " none" : ""))
            for s in snapshots {
                say("  \(s.chain.rawValue) block \(s.block)" + (s.l1Block.map { " (L1 block \($0))" } ?? "") + ": \(s.accounts) accounts, \(Amount.formatLPT(s.totalStake, decimals: 2, grouping: true)) LPT staked, from \(s.source)")
            }
            let polls = try ledger.polls()
            say("polls:" + (polls.isEmpty ? " none" : ""))
            for p in polls {
                say("  \(p.address.checksummed) on \(p.chain.rawValue): end block \(p.endBlock), \(p.votes) vote\(p.votes == 1 ? "" : "s")" + (p.lip.map { ", LIP-\($0)" } ?? ""))
            }
            if case .object(let pairs) = json {
                for (k, v) in pairs where k == "migrations" { if case .int(let n) = v { say("migrations: \(n)") } }
                for (k, v) in pairs where k == "logs" { say("logs: " + v.serialized(pretty: false)) }
            }
            return 0
        }
    }
}

struct LedgerVerifySnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-snapshot",
        abstract: "Print the LIP-73 Merkle root of an L1 snapshot; exit 1 when --root differs.",
        discussion: """
        The tree: leaf = keccak256(delegator ‖ delegate ‖ stake ‖ fees), the all-zero entry dropped,
        leaves de-duplicated and sorted, parent = keccak256(min ‖ max), an odd last node goes up as is.

        Examples:
          lip ledger verify-snapshot --chain l1 --block 14207040
          lip ledger verify-snapshot --chain l1 --block 14207040 --root 0x5b26…cabce --proof 0x1111111111111111111111111111111111111111
        """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The chain of the snapshot (l1).")
    var chain: Chain = .l1

    @Option(help: ArgumentHelp("The snapshot's block.", valueName: "N"))
    var block: Int

    @Option(help: ArgumentHelp("The expected root; exit 1 when it differs.", valueName: "HEX"))
    var root: String?

    @Option(help: ArgumentHelp("Print the Merkle proof of this account's entry.", valueName: "ACCOUNT"))
    var proof: String?

    func validate() throws {
        if let root, Hex.decode(root)?.count != 32 { throw ValidationError("--root `\(root)` is not 32 bytes of hex") }
        if let proof, Address(proof) == nil { throw ValidationError("--proof `\(proof)` is not an address") }
    }

    func run() throws {
        try reporting {
            let ledger = try self.ledger.open()
            let entries = try ledger.snapshotEntries(chain: chain, block: block)
            let tree = MerkleTree(entries: entries)
            let computed = Hex.prefixed(tree.root)
            say("root \(computed) (\(tree.levels[0].count) leaves from \(entries.count) entries)")
            // The explorer's proof API hashes the file's all-zero entry as a leaf too; show that root as well.
            var withZero: [UInt8]?
            if try ledger.snapshotHadZeroEntry(chain: chain, block: block) {
                withZero = MerkleTree(leaves: tree.levels[0] + [Keccak256.hash([UInt8](repeating: 0, count: 104))]).root
                say("root \(Hex.prefixed(withZero!)) with the file's all-zero entry kept as a leaf (as the explorer's proof API builds the tree)")
            }
            if let account = proof.flatMap(Address.init) {
                guard let entry = entries.first(where: { $0.delegator == account }) else {
                    throw LIPError.usage("\(account.checksummed) has no entry in the \(chain.rawValue) snapshot at block \(block)")
                }
                let path = tree.proof(for: entry.leaf)!
                say("proof for \(account.checksummed) (stake \(entry.stake), fees \(entry.fees), delegate \(entry.delegate.checksummed)):")
                say("  leaf \(Hex.prefixed(entry.leaf))")
                for p in path { say("  \(Hex.prefixed(p))") }
                say("  verifies: \(MerkleTree.verify(leaf: entry.leaf, proof: path, root: tree.root) ? "yes" : "no")")
            }
            if let root {
                if Hex.decode(root)! == tree.root { say("matches --root"); return 0 }
                if let withZero, Hex.decode(root)! == withZero { say("matches --root with the all-zero entry kept as a leaf"); return 0 }
                warn("lip: root differs: computed \(computed), expected \(root.lowercased())")
                return 1
            }
            return 0
        }
    }
}
