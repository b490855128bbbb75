import Foundation

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

    /// Escapes a command's message.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a command's property value.
    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
