import Foundation

/// The first place where two JSON documents differ: a saved `result.json` (evidence from a pull
/// request) against the result the ledger gives now. Objects are compared member by member in the
/// order of the expected document (then members only the saved one has), arrays element by element.
package struct JSONDifference: Equatable, Sendable, CustomStringConvertible {
    /// Where: `result`, `voters[3].weight`, or `(document)` when the saved text is not JSON.
    package var path: String
    /// The saved value, as JSON text (shortened), or `(absent)`.
    package var saved: String
    /// The expected value, likewise.
    package var expected: String

    package var description: String { "\"\(path)\" is \(saved) in the file but \(expected) by the ledger" }

    /// The first difference between `saved` (the file's bytes) and `expected` (the JSON the
    /// ledger gives), nil when they hold the same values.
    package static func first(saved: Data, expected: JSONValue) -> JSONDifference? {
        let expectedText = expected.serialized(pretty: false)
        guard let mine = try? JSONSerialization.jsonObject(with: saved, options: [.fragmentsAllowed]) else {
            return JSONDifference(path: "(document)", saved: "text that is not JSON", expected: "the tally JSON")
        }
        guard let theirs = try? JSONSerialization.jsonObject(with: Data(expectedText.utf8), options: [.fragmentsAllowed]) else {
            return JSONDifference(path: "(document)", saved: "(unread)", expected: "(unwritable)")
        }
        let order = keyOrder(expected)
        return compare(mine, theirs, path: "", order: order)
    }

    /// Each object's member order in `value`, keyed by its path with indexes dropped.
    private static func keyOrder(_ value: JSONValue) -> [String: [String]] {
        var out: [String: [String]] = [:]
        func walk(_ v: JSONValue, _ path: String) {
            switch v {
            case .object(let pairs):
                if out[path] == nil { out[path] = pairs.map(\.0) }
                for (k, child) in pairs { walk(child, path.isEmpty ? k : path + "." + k) }
            case .array(let items): for item in items.prefix(1) { walk(item, path) }
            case .elements(let count, let element, _): if count > 0 { walk(element(0), path) }
            default: break
            }
        }
        walk(value, "")
        return out
    }

    private static func compare(_ a: Any, _ b: Any, path: String, order: [String: [String]], shape: String = "") -> JSONDifference? {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            let known = order[shape] ?? []
            let keys =
                known.filter { y[$0] != nil || x[$0] != nil } + y.keys.filter { !known.contains($0) }.sorted() + x.keys.filter { y[$0] == nil && !known.contains($0) }.sorted()
            for key in keys {
                let here = path.isEmpty ? key : path + "." + key
                let childShape = shape.isEmpty ? key : shape + "." + key
                switch (x[key], y[key]) {
                case (nil, let v?): return JSONDifference(path: here, saved: "(absent)", expected: show(v))
                case (let v?, nil): return JSONDifference(path: here, saved: show(v), expected: "(absent)")
                case (let u?, let v?): if let d = compare(u, v, path: here, order: order, shape: childShape) { return d }
                default: continue
                }
            }
            return nil
        case let (x as [Any], y as [Any]):
            for (i, (u, v)) in zip(x, y).enumerated() {
                if let d = compare(u, v, path: "\(path)[\(i)]", order: order, shape: shape) { return d }
            }
            if x.count != y.count { return JSONDifference(path: path + ".length", saved: String(x.count), expected: String(y.count)) }
            return nil
        default:
            let (s, e) = (show(a), show(b))
            return s == e ? nil : JSONDifference(path: path.isEmpty ? "(document)" : path, saved: s, expected: e)
        }
    }

    /// A value as short JSON text.
    static func show(_ value: Any) -> String {
        let text: String
        switch value {
        case let s as String: text = JSONValue.quote(s)
        case is NSNull: text = "null"
        case let n as NSNumber:
            text = String(cString: n.objCType) == "c" ? (n.boolValue ? "true" : "false") : n.stringValue
        case let a as [Any]: text = "an array of \(a.count)"
        case is [String: Any]: text = "an object"
        default: text = "\(value)"
        }
        return text.count > 90 ? String(text.prefix(89)) + "…" : text
    }
}
