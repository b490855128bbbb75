import Foundation
import LIPCore

/// Findings as text: `file:line: severity[rule]: message`, with an `  = help: …` line when there is help.
public enum TextReporter {
    /// One finding per line.
    public static func render(_ findings: [Finding]) -> String {
        findings.map { f in
            "\(VisibleText.oneLine(f.file)):\(f.line): \(f.severity.rawValue)[\(f.rule)]: \(VisibleText.oneLine(f.message))\n"
                + (f.help.map { "  = help: \(VisibleText.oneLine($0))\n" } ?? "")
        }.joined()
    }

    /// The closing count, e.g. `3 files checked: 1 error, 2 warnings`.
    public static func summary(_ report: LintReport) -> String {
        let errors = report.findings.filter { $0.severity == .error }.count
        let warnings = report.findings.count - errors
        let files = report.filesChecked
        return "\(files) file\(files == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }
}
