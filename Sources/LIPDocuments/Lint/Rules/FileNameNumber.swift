import Foundation
import LIPCore

/// `file-name-number`: a file named `LIP-<digits>.md` whose digits are not a LIP number: a leading
/// zero (`LIP-007.md`) or a number too large to be one. The file is neither numbered nor a draft,
/// and the index never links to it.
package struct FileNameNumber: DocumentLintRule {
    package init() {}
    package let id = "file-name-number"
    package let severity = Severity.error
    package let summary = "the file is named LIP-<digits>.md but the digits are not a LIP number (a leading zero, or too large)"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard document.numberFromFileName == nil, let digits = document.slugFromFileName, digits.allSatisfy(\.isASCIIDigit) else { return [] }
        if let n = Int(digits) {
            return [document.finding(self, line: 0, "`\(document.fileName)` has a leading zero: the file of LIP \(n) is LIP-\(n).md", help: "rename it to LIP-\(n).md")]
        }
        return [
            document.finding(
                self, line: 0, "`\(document.fileName)`: \(digits) is too large to be a LIP number", help: "rename it to the LIP's number, or to LIP-<slug>.md for a draft")
        ]
    }
}
