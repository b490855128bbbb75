import ArgumentParser
import Foundation
import LIPKit

struct LedgerImportGovernorStateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "governor-state",
        abstract: "Import what LivepeerGovernor's and BondingVotes' views say of proposals (the governor-state JSON).",
        discussion: """
            The file is {"governor": "0x…", "proposals": [{"id", "totalSupply", "quorumNumerator", "quota", "onchain": {"against", "for", "abstain"} | null, "state", "delegations": {"0x<voter>": "0x<delegatedAt(voter, snapshot)>", …}}]}; ids and amounts are decimal strings, state the governor's state() number. delegations covers every voter and every voter's delegate. Each proposal named gets these views, replacing older ones; the file is imported in one transaction. The proposals' logs come from `lip ledger import logs FILE --chain l2`.

            Examples:
              lip ledger import governor-state governor-state.json

            Manual: docs/governor.md (in the lip repository).
            """)

    @OptionGroup var ledger: LedgerOptions

    @Argument(help: ArgumentHelp("The governor-state files, each in its own transaction.", valueName: "FILE"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one FILE") }
    }

    func run() throws {
        try importEach(files, into: ledger) { ledger, url, path, _ in try ledger.importGovernorState(url, path: path) }
    }
}
