import Foundation
import Yams

/// YAML that `lip` reads (poll.yaml, networks.yaml, forced.yaml, a proposal description's front
/// matter) with bounds checked before anything is expanded: an alias bomb (a few lines whose
/// aliases expand to billions of nodes) is an error that names the file, never gigabytes of memory.
package enum BoundedYAML {
    /// The largest document read: 1 MiB.
    package static let maximumBytes = 1 << 20
    /// Aliases (`*name`) a document may use.
    package static let maximumAliases = 16
    /// Nodes a document may hold, every alias expanded.
    package static let maximumNodes = 10_000

    /// The value of the YAML file at `url` (its size checked before it is read); `path` names it.
    package static func load(contentsOf url: URL, path: String) throws -> Any? {
        try read(contentsOf: url, path: path).value
    }

    /// The text of the YAML file at `url`, read once, and its value (for readers that also point
    /// at lines of the text).
    package static func read(contentsOf url: URL, path: String) throws -> (text: String, value: Any?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw LIPError.unreadable(path: path, reason: FileProblem.describe(nil, at: url))
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber, size.intValue > maximumBytes {
            throw LIPError.invalidInput(file: path, location: "", message: "is \(size.intValue) bytes of YAML; lip reads at most \(maximumBytes) (1 MiB)")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        return (text, try load(text, path: path))
    }

    /// The value of `text` (mappings as `[String: Any]`, as `Yams.load` gives), nil for an empty
    /// document; `path` names the file in errors (exit 2).
    package static func load(_ text: String, path: String) throws -> Any? {
        func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "", message: message) }
        let size = text.utf8.count
        guard size <= maximumBytes else { throw fail("is \(size) bytes of YAML; lip reads at most \(maximumBytes) (1 MiB)") }
        let aliases = aliasCount(text)
        guard aliases <= maximumAliases else {
            throw fail("uses \(aliases) YAML aliases; lip reads at most \(maximumAliases) (nothing was expanded: is it an alias bomb?)")
        }
        let node: Node?
        do { node = try Yams.compose(yaml: text) } catch { throw fail("not valid YAML: \(error)") }
        guard let node else { return nil }
        var count = 0
        guard fits(node, &count) else {
            throw fail("holds more than \(maximumNodes) YAML nodes with its aliases expanded; lip reads at most \(maximumNodes) (nothing was expanded)")
        }
        return Constructor.default.any(from: node)
    }

    /// Counts the nodes of `node` (aliases expanded) into `count`, stopping once past the limit.
    private static func fits(_ node: Node, _ count: inout Int) -> Bool {
        count += 1
        if count > maximumNodes { return false }
        switch node {
        case .scalar: return true
        case .sequence(let sequence):
            for child in sequence where !fits(child, &count) { return false }
            return true
        case .mapping(let mapping):
            for (key, value) in mapping where !fits(key, &count) || !fits(value, &count) { return false }
            return true
        case .alias: return true
        }
    }

    /// The aliases of `text`, counted without parsing it: a `*` that starts a token (at the start
    /// of a line or after white space, `[`, `{`, `,`, `-` or `:`) and is followed by a name,
    /// outside quotes and comments. It may count a plain scalar's `*word` too, which only errs
    /// towards refusing.
    static func aliasCount(_ text: String) -> Int {
        var count = 0
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let bytes = Array(line.utf8)
            var quote: UInt8? = nil
            var previous: UInt8 = 0x20
            let starts: Set<UInt8> = [0x20, 0x09, 0x5B, 0x7B, 0x2C, 0x3A, 0x2D]  // space, tab, [ { , : -
            let notName: Set<UInt8> = [0x20, 0x09, 0x2A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D]
            for (i, b) in bytes.enumerated() {
                defer { previous = b }
                if let q = quote {
                    if b == q { quote = nil }
                    continue
                }
                let tokenStart = i == 0 || starts.contains(previous)
                if (b == 0x22 || b == 0x27) && tokenStart {
                    quote = b
                } else if b == 0x23 && (i == 0 || previous == 0x20 || previous == 0x09) {
                    break  // a comment
                } else if b == 0x2A && tokenStart, i + 1 < bytes.count, !notName.contains(bytes[i + 1]) {
                    count += 1
                }
            }
        }
        return count
    }
}
