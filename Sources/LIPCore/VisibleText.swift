import Foundation

/// Text that strangers wrote (vote reasons, proposal titles, names, LIP titles, a node's error
/// messages) made safe to show: no control character reaches a reader raw. Everything here works
/// on Unicode scalars, never on Characters (Swift holds `\r\n` as one Character).
package enum VisibleText {
    /// Whether `scalar` ends a line somewhere: `\n`, `\r`, vertical tab, form feed, NEL (U+0085),
    /// LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029).
    package static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether `text` holds nothing `oneLine` changes (no control, no line break) and no character
    /// XML or HTML markup escapes (`&`, `<`, `>`, `"`, `'`), nor U+FFFE or U+FFFF: one pass over
    /// its bytes, for the text of a page's cells (most of them figures and words kept as they are).
    package static func isPlainMarkupText(_ text: String) -> Bool { isPlain(text, markup: true) }

    /// Whether `oneLine` keeps `text` as it is: one pass over its bytes.
    package static func isOneLine(_ text: String) -> Bool { isPlain(text, markup: false) }

    /// No control or line break in `text`, nor (`markup`) a character markup escapes.
    private static func isPlain(_ text: String, markup: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                switch b {
                case 0x00...0x1F, 0x7F: return false
                // `where` binds to one pattern only: each markup byte is tested with it.
                case 0x26 where markup, 0x3C where markup, 0x3E where markup, 0x22 where markup, 0x27 where markup: return false
                // U+0080-U+009F: C1 (U+0085 among them).
                case 0xC2 where i + 1 < n && bytes[i + 1] <= 0x9F: return false
                // U+2028-U+202E (line and paragraph separators, bidirectional embeddings and
                // overrides) and U+2066-U+2069 (isolates).
                case 0xE2 where i + 2 < n && ((bytes[i + 1] == 0x80 && (0xA8...0xAE).contains(bytes[i + 2])) || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))):
                    return false
                case 0xEF where markup && i + 2 < n && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE: return false
                default: i += 1
                }
            }
            return true
        }
    }

    /// Whether `scalar` is a control a terminal or a parser may act on: C0 (tab and newline
    /// included), DEL, C1, and the bidirectional overrides and isolates that reorder what a reader sees.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// The visible form of a control: `\u{1b}`.
    package static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16) + "}"
    }

    /// `text` on one line: every line break (a `\r\n` pair counts once) becomes one space, every
    /// other control its visible form (tab stays when `keepTab`).
    package static func oneLine(_ text: String, keepTab: Bool = false) -> String {
        if isOneLine(text) { return text }
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if isLineBreak(scalar) {
                if scalar == "\n" && previous == "\r" { continue }
                out.append(" ")
            } else if scalar == "\t" && keepTab {
                out.append(scalar)
            } else if isControl(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` for a terminal: tab, newline and a `\r\n` pair stay; every other control (a lone
    /// `\r`, ESC and so every ANSI or OSC sequence, DEL, C1, bidirectional overrides) is shown
    /// as `\u{…}`.
    package static func forTerminal(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ !isControl($0) || $0 == "\n" || $0 == "\t" }) { return text }
        var out = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\t" || (scalar == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n") || !isControl(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            }
        }
        return String(out)
    }

    /// `forTerminal` over UTF-8 bytes, with a fast path for the usual output that has no control
    /// but tab and newline (a JSON export of a million voters goes through here).
    package static func forTerminal(_ data: Data) -> Data {
        var clean = true
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for (i, b) in bytes.enumerated() {
                switch b {
                case 0x0A, 0x09: continue
                case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A: continue
                case 0x00...0x1F, 0x7F: clean = false
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]): clean = false
                // U+202A…U+202E and U+2066…U+2069, the bidirectional overrides and isolates.
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]): clean = false
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]): clean = false
                default: continue
                }
                if !clean { return }
            }
        }
        if clean { return data }
        return Data(forTerminal(String(decoding: data, as: UTF8.self)).utf8)
    }
}
