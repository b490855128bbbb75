import Foundation
import LIPCore

/// `preamble-number-mismatch`: the `lip` field differs from the number in the file name.
package struct PreambleNumberMismatch: DocumentLintRule {
    package init() {}
    package let id = "preamble-number-mismatch"
    package let severity = Severity.error
    package let summary = "`lip` differs from the number in the file name"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let field = document.preamble?.field("lip"), !field.value.isEmpty else { return [] }
        if let fileNumber = document.numberFromFileName {
            guard Int(field.value) != fileNumber else { return [] }
            return [
                document.finding(
                    self, line: field.lineIndex, "`lip: \(field.value)` but the file is \(document.fileName)",
                    help: "set `lip: \(fileNumber)` or rename the file")
            ]
        }
        // `LIP-007.md` and the like are file-name-number's.
        if let number = Int(field.value), !(document.slugFromFileName ?? "").allSatisfy(\.isASCIIDigit) {
            return [
                document.finding(
                    self, line: field.lineIndex, "`lip: \(number)` but the file \(document.fileName) has no number",
                    help: "run `lip assign \(document.slugFromFileName ?? document.fileName) --number \(number)`")
            ]
        }
        return []
    }
}
