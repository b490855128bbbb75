import Foundation
import LIPCore

/// A JSON-RPC node's URL. The URL often carries an API key in its path or query, so it is only
/// ever shown as `display`: the scheme and the host (and port), never the rest.
package struct RPCEndpoint: Sendable {
    /// The full URL, for requests only.
    let url: URL
    /// What may be shown: `https://host` or `http://host:port`.
    package let display: String

    /// Parses `text`; an error never repeats the text, which may hold a secret.
    package init(_ text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty, let url = components.url
        else {
            throw LIPError.usage("the RPC URL is not an http(s) URL (it is not shown here: it may hold an API key)")
        }
        self.url = url
        display = "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
