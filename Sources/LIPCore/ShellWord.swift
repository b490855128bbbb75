import Foundation

/// Words of a shell command line, quoted so that a POSIX shell reads them back unchanged.
package enum ShellWord {
    /// `word` as is when it has only characters no shell treats specially, else in single quotes;
    /// a word with a line break or another control character in ANSI-C quotes (`$'a\nb'`), so that
    /// a command line is always one line of visible text (a file name never breaks a reproduce
    /// block, nor sends a control to a terminal) and bash, zsh and ksh read it back unchanged.
    package static func quote(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { c in
                CharacterSet.alphanumerics.contains(c) && c.isASCII || "-_./:@%+=,".unicodeScalars.contains(c)
            }
        if plain { return word }
        guard word.unicodeScalars.contains(where: { VisibleText.isControl($0) || VisibleText.isLineBreak($0) }) else {
            return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        var out = "$'"
        for c in word.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if VisibleText.isControl(c) || VisibleText.isLineBreak(c) {
                    out += c.value < 0x80 ? String(format: "\\x%02x", c.value) : String(format: "\\u%04x", c.value)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "'"
    }

    /// The command line of `words`, each quoted.
    package static func line(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }
}
