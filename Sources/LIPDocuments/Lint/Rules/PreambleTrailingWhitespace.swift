import Foundation
import LIPCore

/// `preamble-trailing-whitespace`: a front-matter line ends in spaces or tabs.
package struct PreambleTrailingWhitespace: DocumentLintRule {
    package init() {}
    package let id = "preamble-trailing-whitespace"
    package let severity = Severity.warning
    package let summary = "a front-matter line ends in spaces or tabs"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return (preamble.openingLine...preamble.closingLine).compactMap { i in
            let content = document.lines.lines[i].content
            guard let last = content.last, last == " " || last == "\t" else { return nil }
            let key = content.split(separator: ":", maxSplits: 1).first.map(String.init) ?? content
            return document.finding(self, line: i, "trailing whitespace after `\(key.trimmingCharacters(in: .whitespaces))`")
        }
    }
}
