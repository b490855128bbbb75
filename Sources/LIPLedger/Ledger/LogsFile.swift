import BigInt
import Crypto
import Foundation
import LIPCore
import GRDB

/// A logs file: an array of logs, or a JSON-RPC response whose `result` is one.
struct LogsFile: Decodable {
    enum Problem: Error { case rpcError(String), notLogs }
    enum Keys: String, CodingKey { case result, error }
    struct RPCError: Decodable { var code: Int?; var message: String? }
    var logs: [LogJSON]

    init(from decoder: Decoder) throws {
        if let array = try? decoder.singleValueContainer().decode([LogJSON].self) {
            logs = array
            return
        }
        guard let c = try? decoder.container(keyedBy: Keys.self) else { throw Problem.notLogs }
        if let result = try? c.decode([LogJSON].self, forKey: .result) {
            logs = result
            return
        }
        if let error = try? c.decode(RPCError.self, forKey: .error) {
            throw Problem.rpcError("\(error.code.map { "code \($0): " } ?? "")\(error.message ?? "")")
        }
        throw Problem.notLogs
    }
}
