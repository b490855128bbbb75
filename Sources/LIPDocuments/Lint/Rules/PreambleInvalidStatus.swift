import Foundation
import LIPCore

/// `preamble-invalid-status`: the status is not one of the LIP-1 statuses.
package struct PreambleInvalidStatus: DocumentLintRule {
    package init() {}
    package let id = "preamble-invalid-status"
    package let severity = Severity.error
    package let summary = "status is not one of Draft, Last Call, Proposed, Accepted, Rejected, Final, Abandoned"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let field = document.preamble?.field("status"), !field.value.isEmpty,
            LIPStatus(rawValue: field.value) == nil
        else { return [] }
        var message = "invalid status `\(field.value)`"
        if let near = LIPStatus(parsing: field.value) { message += "; did you mean `\(near.rawValue)`?" }
        return [
            document.finding(
                self, line: field.lineIndex, message,
                help: "one of: " + LIPStatus.allCases.map(\.rawValue).joined(separator: ", "))
        ]
    }
}
