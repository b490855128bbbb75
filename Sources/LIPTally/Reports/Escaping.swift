import Foundation
import LIPCore
import LIPDocuments
import LIPLedger

/// Every escape the exports need, in one place: text from files (titles, names) must not be able
/// to break a forum post, a CSV file or an SVG document.
public enum Escaping {
    /// Text inside Discourse markdown (also inside a table cell and a link text): markdown and
    /// BBCode punctuation, `|`, `<` and `>` are neutralised; line breaks become spaces.
    public static func markdown(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "|", "~": out.append("\\"); out.append(ch)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\n", "\r", "\t": out += " "
            case "@": out += "@\u{200B}"  // no mentions
            case ":": out += ":\u{200B}"  // no emoji shortcodes
            default: out.append(ch)
            }
        }
        return out
    }

    /// A URL inside `(...)` of a markdown link: spaces and parentheses percent-encoded.
    public static func markdownURL(_ url: String) -> String {
        url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28").replacingOccurrences(of: ")", with: "%29")
            .replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(of: ">", with: "%3E")
    }

    /// A CSV cell: RFC 4180 quoting, and a cell starting with `=`, `+`, `-`, `@`, tab or CR is
    /// made inert with a leading `'` (OWASP CSV injection).
    public static func csv(_ text: String) -> String {
        var cell = text
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text or an attribute value in XML (SVG).
    public static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Control characters other than tab and newline are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
