import Foundation
import LIPCore

/// `preamble-last-call-deadline`: a Last Call LIP has no `last-call-deadline`.
public struct PreambleLastCallDeadline: DocumentLintRule {
    public init() {}
    public let id = "preamble-last-call-deadline"
    public let severity = Severity.error
    public let summary = "status is Last Call and there is no `last-call-deadline`"

    public func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
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
