import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Every escape the exports need, in one place: text from files (titles, names) must not be able
/// to break a forum post, a CSV file or an SVG document.
public enum Escaping {
    /// Text inside Discourse markdown (also inside a table cell and a link text): markdown and
    /// BBCode punctuation, `|`, `<` and `>` are neutralised; every kind of line break (`\r\n` once)
    /// becomes a space, so no text can end a table row, start a heading or open `[details]`; other
    /// controls are shown as `\u{1b}`. Works on Unicode scalars.
    public static func markdown(_ text: String) -> String {
        // Most cells are figures and words with nothing to escape: kept as they are, in one pass.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 > 0x7E || markdownSpecial.contains($0) }) else { return text }
        var out = ""
        for scalar in VisibleText.oneLine(text).unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "|", "~": out.append("\\"); out.unicodeScalars.append(scalar)
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\t": out += " "
            case "@": out += "@\u{200B}"  // no mentions
            case ":": out += ":\u{200B}"  // no emoji shortcodes
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The ASCII bytes `markdown` changes.
    private static let markdownSpecial: Set<UInt8> = Set("\\`*_[]|~<>&@:".utf8)

    /// A URL inside `(...)` of a markdown link: spaces and parentheses percent-encoded.
    public static func markdownURL(_ url: String) -> String {
        // One pass over the bytes (a report links every voter: this runs millions of times).
        guard url.utf8.contains(where: { $0 == 0x20 || $0 == 0x28 || $0 == 0x29 || $0 == 0x3C || $0 == 0x3E }) else { return url }
        var out = ""
        out.reserveCapacity(url.utf8.count + 8)
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": out += "%20"
            case "(": out += "%28"
            case ")": out += "%29"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A CSV cell: every kind of line break becomes a space (so no text starts a new row, for any
    /// reader), other controls but tab are shown as `\u{1b}`; then a cell that, as written, starts
    /// (or starts after spaces) with `=`, `+`, `-`, `@`, tab or CR is made inert with a leading `'`
    /// (OWASP CSV injection); then RFC 4180 quoting. Works on Unicode scalars.
    public static func csv(_ text: String) -> String {
        var cell = VisibleText.oneLine(text, keepTab: true)
        let lead = cell.unicodeScalars.first { $0 != " " }
        if let lead, ["=", "+", "-", "@", "\t", "\r"].contains(lead) { cell = "'" + cell }
        guard cell.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text or an attribute value in XML (SVG).
    public static func xml(_ text: String) -> String {
        // Text without a control or a markup character is kept as it is, in one pass.
        guard !VisibleText.isPlainMarkupText(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                // Line breaks are white space in SVG text; other controls (not allowed in XML 1.0,
                // or discouraged: DEL, C1) and U+FFFE, U+FFFF (not XML characters) are shown as `\u{1b}`.
                if VisibleText.isLineBreak(scalar) {
                    out += " "
                } else if (VisibleText.isControl(scalar) && scalar != "\t") || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += VisibleText.escape(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
