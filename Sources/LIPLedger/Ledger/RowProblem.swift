import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

/// Why one input row cannot go into the ledger; the importer adds the file and the location.
struct RowProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
