import ArgumentParser
import BigInt
import Foundation
import LIPKit

struct LedgerImportSnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Import the stake of every account at one block: a CSV, the LIP-73 file or a subgraph response.",
        discussion: """
            The same file again changes nothing; another file for the same chain and block is refused unless --replace.

            Examples:
              lip ledger import snapshot l1.csv --chain l1 --block 14207040
              lip ledger import snapshot delegatorClaimSnapshot.json --chain l1 --block 14207040 --format lip73
              lip ledger import snapshot l2.csv --chain l2 --block 6737210 --l1-block 14207040 --total-bonded 1000000000000000000000

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The snapshot file.", valueName: "FILE"))
    var file: String

    @Option(help: "The chain of the snapshot.")
    var chain: Chain

    @Option(help: ArgumentHelp("The snapshot's block on its chain.", valueName: "N"))
    var block: Int

    @Option(name: .customLong("l1-block"), help: ArgumentHelp("For an l2 snapshot: the L1 block number Arbitrum reported at --block.", valueName: "N"))
    var l1Block: Int?

    @Option(name: .customLong("total-bonded"), help: ArgumentHelp("The on-chain total bonded stake in wei; used as the quorum base.", valueName: "WEI"))
    var totalBonded: String?

    @Option(name: .customLong("total-active"), help: ArgumentHelp("The on-chain total active stake in wei.", valueName: "WEI"))
    var totalActive: String?

    @Option(help: "The file's format (default: guessed from the content).")
    var format: SnapshotFormat?

    @Flag(help: "Replace a snapshot imported before with different content.")
    var replace = false

    func validate() throws {
        for (name, value) in [("--total-bonded", totalBonded), ("--total-active", totalActive)] {
            if let value { do { _ = try Amount.parseWei(value) } catch { throw ValidationError("\(name) `\(value)`: \(error)") } }
        }
    }

    func run() throws {
        let options = SnapshotOptions(
            chain: chain, block: block, l1Block: l1Block, totalBonded: try totalBonded.map { try Amount.parseWei($0) },
            totalActive: try totalActive.map { try Amount.parseWei($0) }, format: format, replace: replace)
        try importEach([file], into: ledger) { ledger, url, path, progress in
            try ledger.importSnapshot(url, path: path, options: options, progress: progress)
        }
    }
}
