import Foundation

/// How findings are written out.
public enum FindingFormat: String, CaseIterable, Sendable {
    /// `file:line: severity[rule]: message` lines, for people.
    case text
    /// One JSON array of finding objects, for programs.
    case json
    /// GitHub Actions workflow commands, which annotate a pull request's lines.
    case github

    /// The findings in this format.
    public func render(_ findings: [Finding]) -> String {
        switch self {
        case .text: return TextReporter.render(findings)
        case .json: return JSONReporter.render(findings)
        case .github: return GitHubReporter.render(findings)
        }
    }
}
