import Foundation

/// The error a node answered one JSON-RPC request with.
package struct RPCCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON-RPC error code.
    package var code: Int
    /// The node's message.
    package var message: String

    package var description: String { "\(message) (code \(code))" }
}
