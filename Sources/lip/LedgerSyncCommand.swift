import ArgumentParser
import Foundation
import LIPKit

struct LedgerSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fill the ledger straight from a JSON-RPC node (an archive node).",
        discussion: """
            Examples:
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync poll 0x38794D2d8e0EB28926A865B546bc68418Dcc0B05
              lip ledger sync poll 120 --network devnet --rpc http://127.0.0.1:8545
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync polls
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync proposals
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync migrations
              lip ledger sync gas --set devnet --chain l2 bond=0x… reward=0x… --network devnet --rpc http://127.0.0.1:8545
              LIP_RPC_L2=https://arb1.example.org/KEY lip ledger sync gas-prices --chain l2 --from 2026-01-01 --to 2026-01-31 --every 900

            Manual: docs/sync-and-networks.md (in the lip repository).
            """,
        subcommands: [
            LedgerSyncPollCommand.self, LedgerSyncPollsCommand.self, LedgerSyncProposalsCommand.self, LedgerSyncTreasuryCommand.self, LedgerSyncMigrationsCommand.self,
            LedgerSyncGasCommand.self,
            LedgerSyncGasPricesCommand.self,
        ])
}
