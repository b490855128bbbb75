import Foundation
import LIPCore

/// `preamble-missing-field`: a required field is absent (a warning for Final, Rejected and Abandoned LIPs).
package struct PreambleMissingField: DocumentLintRule {
    package init() {}
    package let id = "preamble-missing-field"
    package let severity = Severity.error
    package let summary = "a required field is absent (warning when the status is Final, Rejected or Abandoned)"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        let closed = document.status?.isClosed ?? false
        var findings: [Finding] = []
        for key in PreambleKey.required {
            let field = preamble.field(key)
            if let field, !field.value.isEmpty { continue }
            // An unnumbered draft may leave `lip` empty.
            if key == "lip", field != nil, document.slugFromFileName != nil { continue }
            let line = field?.lineIndex ?? preamble.closingLine
            let what = field == nil ? "missing required field `\(key)`" : "required field `\(key)` is empty"
            findings.append(
                document.finding(
                    self, line: line, severity: closed ? .warning : .error, what,
                    help: closed ? "the LIP is \(document.status!.rawValue); the record may predate the field" : nil))
        }
        return findings
    }
}
