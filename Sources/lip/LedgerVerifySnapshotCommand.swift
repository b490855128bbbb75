import ArgumentParser
import Foundation
import LIPKit

struct LedgerVerifySnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-snapshot",
        abstract: "Print the LIP-73 Merkle root of an L1 snapshot; exit 1 when --root differs.",
        discussion: """
            The tree: leaf = keccak256(delegator ‖ delegate ‖ stake ‖ fees), the all-zero entry dropped, leaves de-duplicated and sorted, parent = keccak256(min ‖ max), an odd last node goes up as is. When the imported file had the all-zero entry, the root of the tree that keeps it as a leaf (as the explorer's proof API builds it) is printed too, and either matches --root.

            Examples:
              lip ledger verify-snapshot --chain l1 --block 14207040
              lip ledger verify-snapshot --chain l1 --block 14207040 --root 0x5b26…cabce --proof 0x1111111111111111111111111111111111111111

            Manual: docs/ledger.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The chain of the snapshot.")
    var chain: Chain = .l1

    @Option(help: ArgumentHelp("The snapshot's block.", valueName: "N"))
    var block: Int

    @Option(help: ArgumentHelp("The expected root; exit 1 when it differs.", valueName: "HEX"))
    var root: String?

    @Option(help: ArgumentHelp("Print the Merkle proof of this account's entry.", valueName: "ACCOUNT"))
    var proof: String?

    func validate() throws {
        if let root, Hex.decode(root)?.count != 32 { throw ValidationError("--root `\(root)` is not 32 bytes of hex") }
        if let proof, Address(proof) == nil { throw ValidationError("--proof `\(proof)` is not an address (\(Address.problem(with: proof)))") }
    }

    func run() throws {
        let verification = try SnapshotVerification(ledger: try ledger.open(), chain: chain, block: block)
        let computed = Hex.prefixed(verification.tree.root)
        say("root \(computed) (\(verification.tree.levels[0].count) leaves from \(verification.entries.count) entries)")
        if let withZero = verification.rootWithZeroEntry {
            say("root \(Hex.prefixed(withZero)) with the file's all-zero entry kept as a leaf (as the explorer's proof API builds the tree)")
        }
        if let account = proof.flatMap({ Address($0) }) {
            let (entry, path, verifies): (SnapshotEntry, [[UInt8]], Bool)
            do { (entry, path, verifies) = try verification.proof(for: account) } catch {
                throw LIPError.usage("\(account.checksummed) has no entry in the \(chain.rawValue) snapshot at block \(block)")
            }
            say("proof for \(account.checksummed) (stake \(entry.stake), fees \(entry.fees), delegate \(entry.delegate.checksummed)):")
            say("  leaf \(Hex.prefixed(entry.leaf))")
            for p in path { say("  \(Hex.prefixed(p))") }
            say("  verifies: \(verifies ? "yes" : "no")")
        }
        if let root, let expected = Hex.decode(root) {
            switch verification.match(expected) {
            case .root: say("matches --root")
            case .rootWithZeroEntry: say("matches --root with the all-zero entry kept as a leaf")
            case .none:
                warn("lip: root differs: computed \(computed), expected \(root.lowercased())")
                throw ExitStatus.findings
            }
        }
    }
}
