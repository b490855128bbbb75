import Foundation
import LIPCore

/// `preamble-last-call-deadline`: a Last Call LIP has no `last-call-deadline`.
package struct PreambleLastCallDeadline: DocumentLintRule {
    package init() {}
    package let id = "preamble-last-call-deadline"
    package let severity = Severity.error
    package let summary = "status is Last Call and there is no `last-call-deadline`"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let preamble = document.preamble, document.status == .lastCall,
            (preamble.value("last-call-deadline") ?? "").isEmpty
        else { return [] }
        return [
            document.finding(
                self, line: preamble.field("status")!.lineIndex, "status is Last Call but there is no `last-call-deadline`",
                help: "`lip advance` sets it on entering Last Call; add `last-call-deadline: YYYY-MM-DD`")
        ]
    }
}
