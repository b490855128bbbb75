import Foundation
import LIPEthereum

/// The `error` member of a JSON-RPC response, as a logs file may hold it instead of logs.
struct JSONRPCErrorObject: Decodable {
    var code: Int?
    var message: String?
}
