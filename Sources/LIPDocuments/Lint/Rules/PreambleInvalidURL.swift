import Foundation
import LIPCore

/// `preamble-invalid-url`: `discussions-to` is not an http(s) URL, or is wrapped in angle brackets.
package struct PreambleInvalidURL: DocumentLintRule {
    package init() {}
    package let id = "preamble-invalid-url"
    package let severity = Severity.warning
    package let summary = "`discussions-to` is not an http(s) URL (or is wrapped in angle brackets)"

    package func check(_ document: LIPDocument, context: LintContext) -> [Finding] {
        guard let field = document.preamble?.field("discussions-to"), !field.value.isEmpty else { return [] }
        var findings: [Finding] = []
        for part in field.value.split(separator: ",") {
            var url = part.trimmingCharacters(in: .whitespaces)
            if url.hasPrefix("<") && url.hasSuffix(">") {
                url = String(url.dropFirst().dropLast())
                findings.append(document.finding(self, line: field.lineIndex, "`discussions-to` URL is wrapped in angle brackets: `<\(url)>`", help: "write the bare URL"))
            }
            if !PreambleInvalidURL.isHTTPURL(url) {
                findings.append(document.finding(self, line: field.lineIndex, "`discussions-to` is not an http(s) URL: `\(url)`"))
            }
        }
        return findings
    }

    static func isHTTPURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(" "),
            let components = URLComponents(string: text), let host = components.host, !host.isEmpty
        else { return false }
        return true
    }
}
