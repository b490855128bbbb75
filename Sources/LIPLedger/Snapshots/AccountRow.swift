import BigInt
import Crypto
import Foundation
import LIPEthereum
import LIPCore
import GRDB

/// One account row as it is inserted.
struct AccountRow {
    var account: String
    var delegate: String?
    var stake: String
    var delegatedStake: String?
    var registered: Bool
    var active: Bool?
    var fees: String?
}
