import Foundation
import LIPCore

/// `preamble-invalid-type`: the type is not one of the LIP types.
package struct PreambleInvalidType: DocumentLintRule {
    package init() {}
    package let id = "preamble-invalid-type"
    package let severity = Severity.error
    package let summary = "type is not one of Standard Track, Parameter, Informational, Meta"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let field = document.preamble?.field("type"), !field.value.isEmpty,
            LIPType(rawValue: field.value) == nil
        else { return [] }
        var message = "invalid type `\(field.value)`"
        if let near = LIPType(parsing: field.value) { message += "; did you mean `\(near.rawValue)`?" }
        return [
            document.finding(
                self, line: field.lineIndex, message,
                help: "one of: " + LIPType.allCases.map(\.rawValue).joined(separator: ", "))
        ]
    }
}
