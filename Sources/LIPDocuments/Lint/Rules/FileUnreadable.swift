import Foundation
import LIPCore

/// `file-unreadable`: a LIP path that is not a readable file (a folder named `LIP-5.md`, a link to
/// a file that does not exist): reported, and the other files are still checked.
package struct FileUnreadable: DocumentLintRule {
    package init() {}
    package let id = "file-unreadable"
    package let severity = Severity.error
    package let summary = "the LIP path is a folder, a link to a file that does not exist, or cannot be read"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard case .failure(.unreadable(let reason)) = document.preambleResult else { return [] }
        return [document.finding(self, line: 0, "\(reason)", help: "a LIP is a UTF-8 markdown file; remove or replace this path")]
    }
}
