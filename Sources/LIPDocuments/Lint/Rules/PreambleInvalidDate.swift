import Foundation
import LIPCore

/// `preamble-invalid-date`: `created` or `last-call-deadline` is not a real `YYYY-MM-DD` date.
public struct PreambleInvalidDate: DocumentLintRule {
    public init() {}
    public let id = "preamble-invalid-date"
    public let severity = Severity.error
    public let summary = "`created` or `last-call-deadline` is not a real YYYY-MM-DD date"

    public func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble else { return [] }
        return ["created", "last-call-deadline"].compactMap { key in
            guard let field = preamble.field(key), !field.value.isEmpty, CalendarDate(field.value) == nil else { return nil }
            return document.finding(self, line: field.lineIndex, "`\(key)` is `\(field.value)`, not a real date in YYYY-MM-DD form")
        }
    }
}
