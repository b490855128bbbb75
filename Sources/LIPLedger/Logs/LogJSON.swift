import Foundation
import LIPEthereum
import LIPCore

/// One element of a logs file as read; fields of the wrong type count as missing.
struct LogJSON {
    /// A hex string or a JSON number.
    enum Quantity {
        case text(String), number(Int)
    }
    var isObject = true
    var address, data, transactionHash: String?
    var topics: [String]?
    var blockNumber, logIndex: Quantity?
    var removed: Bool?

    /// The log in `element` (one element of a logs file), read with `FlatJSON`.
    init(element: [UInt8]) {
        guard let members = FlatJSON.object(element) else {
            isObject = false
            return
        }
        func string(_ key: String) -> String? {
            if case .string(let s)? = members[key] { return s }
            return nil
        }
        func quantity(_ key: String) -> Quantity? {
            switch members[key] {
            case .string(let s)?: return .text(s)
            case .integer(let n)?: return .number(n)
            default: return nil
            }
        }
        address = string("address")
        data = string("data")
        transactionHash = string("transactionHash")
        if case .strings(let t)? = members["topics"] { topics = t }
        blockNumber = quantity("blockNumber")
        logIndex = quantity("logIndex")
        if case .bool(let b)? = members["removed"] { removed = b }
    }
}
