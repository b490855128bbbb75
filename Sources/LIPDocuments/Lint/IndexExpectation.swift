import Foundation
import LIPCore

/// The README index as the files say it should be: one entry per numbered, parseable LIP.
struct IndexExpectation {
    var byNumber: [Int: DocumentSummary] = [:]

    init(_ summaries: [DocumentSummary]) {
        for s in summaries where s.parsed {
            if let n = s.fileNumber { byNumber[n] = s }
        }
    }
}

extension ReadmeIndex {
    func finding(_ rule: LintRule, line: Int, lip: Int?, _ message: String, help: String? = nil) -> Finding {
        Finding(file: "README.md", line: line + 1, lip: lip, rule: rule.id, severity: rule.severity, message: message, help: help)
    }
}
