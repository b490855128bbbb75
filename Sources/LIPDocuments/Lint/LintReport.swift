import Foundation
import LIPCore

/// The findings of a lint run.
public struct LintReport: Sendable {
    /// The findings, in report order.
    public var findings: [Finding]
    /// How many files were read.
    public var filesChecked: Int

    /// Creates a report (lint's, or another check's in the same shape, like `lip reconcile`).
    public init(findings: [Finding], filesChecked: Int) {
        self.findings = findings
        self.filesChecked = filesChecked
    }
}

extension LintReport {
    /// The report with every warning raised to an error (`--strict`).
    public func strict() -> LintReport {
        LintReport(
            findings: findings.map { f in
                var f = f
                f.severity = .error
                return f
            }, filesChecked: filesChecked)
    }

    /// Whether any finding is an error: what makes `lip lint` exit 1.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }
}
