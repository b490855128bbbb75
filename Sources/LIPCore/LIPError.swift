import Foundation

/// An error that stops a command from running; the CLI prints `description` and exits 2,
/// or 1 for a `refused` error.
public enum LIPError: Error, Equatable, CustomStringConvertible {
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// No workspace was found.
    case noWorkspace(searchedFrom: String)
    /// Input data is wrong: names the file, line (or other location) and value.
    case invalidInput(file: String, location: String, message: String)
    /// A usage mistake: an argument names something that does not exist or does not fit.
    case usage(String)
    /// The request is understood but refused by a rule (exit 1).
    case refused(String)
    /// Writing failed; everything was rolled back.
    case writeFailed(path: String, reason: String)
    /// A JSON-RPC node answered a request with an error: the node (scheme and host only), the
    /// method (and what it asked for) and the node's own message.
    case node(endpoint: String, method: String, message: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .noWorkspace(let from): return "no workspace: no folder with LIPs/ at or above \(from) (use --workspace DIR or set LIP_WORKSPACE)"
        case .invalidInput(let file, let location, let message):
            return location.isEmpty ? "\(file): \(message)" : "\(file):\(location): \(message)"
        case .usage(let message): return message
        case .refused(let message): return message
        case .writeFailed(let path, let reason): return "\(path): write failed, nothing was changed: \(reason)"
        case .node(let endpoint, let method, let message): return "\(endpoint): \(method): \(message)"
        }
    }

    /// Whether this error is a refusal (exit 1) rather than a failure to run (exit 2).
    public var isRefusal: Bool {
        if case .refused = self { return true }
        return false
    }
}
