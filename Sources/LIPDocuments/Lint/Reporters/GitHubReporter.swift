import Foundation
import LIPCore

/// Findings as GitHub Actions workflow commands (`::error file=…,line=…,title=…::message`), which
/// GitHub shows as annotations on the pull request's lines.
public enum GitHubReporter {
    /// One command per finding.
    public static func render(_ findings: [Finding]) -> String {
        findings.map { f in
            let properties = "file=\(property(f.file)),line=\(f.line),title=\(property(f.rule))"
            return "::\(f.severity.rawValue) \(properties)::\(data(f.message + (f.help.map { " (help: \($0))" } ?? "")))\n"
        }.joined()
    }

    /// Escapes a command's message: `%`, CR and LF as GitHub decodes them, every other control
    /// shown as `\u{1b}` (by Unicode scalars, so a `\r\n` pair is both escapes).
    static func data(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default:
                if VisibleText.isControl(scalar) { out += VisibleText.escape(scalar) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Escapes a command's property value.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
