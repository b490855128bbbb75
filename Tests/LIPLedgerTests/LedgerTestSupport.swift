import Foundation

@testable import LIPLedger

/// Every row of every table, in a fixed order: equal dumps mean an unchanged ledger.
func ledgerDump(_ ledger: Ledger) throws -> String {
    try ledger.dump()
}
