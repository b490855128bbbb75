import Foundation
import LIPCore

/// `preamble-unknown-field`: a key outside the field list, with the nearest known key suggested.
package struct PreambleUnknownField: DocumentLintRule {
    package init() {}
    package let id = "preamble-unknown-field"
    package let severity = Severity.warning
    package let summary = "a key outside the field list; suggests the nearest known key"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return preamble.fields.filter { !PreambleKey.all.contains($0.key) }.map { field in
            var message = "unknown field `\(field.key)`"
            if let near = PreambleUnknownField.nearest(field.key) { message += "; did you mean `\(near)`?" }
            return document.finding(self, line: field.lineIndex, message)
        }
    }

    /// The known key closest to `key` by edit distance, if it is close enough to be a typo.
    static func nearest(_ key: String) -> String? {
        let lower = key.lowercased()
        var best: (String, Int)?
        for known in PreambleKey.all {
            let d = editDistance(lower, known)
            if best == nil || d < best!.1 { best = (known, d) }
        }
        guard let (name, distance) = best, distance <= max(2, name.count / 3) else { return nil }
        return name
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
