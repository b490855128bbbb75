import Foundation
import LIPCore

/// `file-not-text`: the file is binary or not UTF-8, so nothing else can be checked.
package struct FileNotText: DocumentLintRule {
    package init() {}
    package let id = "file-not-text"
    package let severity = Severity.error
    package let summary = "the file is binary (has NUL bytes) or is not valid UTF-8"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        switch document.preambleResult {
        case .failure(.binary):
            return [document.finding(self, line: 0, "binary file (contains NUL bytes); a LIP is UTF-8 markdown")]
        case .failure(.notUTF8(let offset)):
            return [document.finding(self, line: 0, "not valid UTF-8 (first bad byte at offset \(offset))", help: "save the file as UTF-8")]
        default:
            return []
        }
    }
}
