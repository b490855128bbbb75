import Foundation

/// URLs in text shown as `scheme://host[:port]` only: an RPC URL carries its API key in its path,
/// query or user part, and a command line with one in the wrong place must not print it.
package enum RedactedURLs {
    /// `text` with every `http://`, `https://`, `ws://` and `wss://` URL cut to its scheme and host.
    package static func redact(_ text: String) -> String {
        let pattern = "(?i)\\b(https?|wss?)://[^\\s'\"`<>]*"
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            // Punctuation that ends a sentence or a `host:` prefix is not part of the URL.
            var url = ns.substring(with: match.range)
            var tail = ""
            while let last = url.last, ":,.;)]}".contains(last) {
                tail = String(last) + tail
                url.removeLast()
            }
            out += shown(url) + tail
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    /// What may be shown of one URL.
    static func shown(_ url: String) -> String {
        let scheme = url.prefix { $0 != ":" }.lowercased()
        guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else { return scheme + "://…" }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}
