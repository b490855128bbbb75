import Foundation
import LIPCore

/// `preamble-invalid-date`: `created` or `last-call-deadline` is not a real `YYYY-MM-DD` date.
package struct PreambleInvalidDate: DocumentLintRule {
    package init() {}
    package let id = "preamble-invalid-date"
    package let severity = Severity.error
    package let summary = "`created` or `last-call-deadline` is not a real YYYY-MM-DD date"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return ["created", "last-call-deadline"].compactMap { key in
            guard let field = preamble.field(key), !field.value.isEmpty, CalendarDate(field.value) == nil else { return nil }
            return document.finding(self, line: field.lineIndex, "`\(key)` is `\(field.value)`, not a real date in YYYY-MM-DD form")
        }
    }
}
