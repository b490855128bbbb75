import Foundation

/// The error a node answered one JSON-RPC request with.
public struct RPCCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON-RPC error code.
    public var code: Int
    /// The node's message.
    public var message: String

    public var description: String { "\(message) (code \(code))" }
}
