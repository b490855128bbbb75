import Foundation

/// Words of a shell command line, quoted so that a POSIX shell reads them back unchanged.
package enum ShellWord {
    /// `word` as is when it has only characters no shell treats specially, else in single quotes.
    package static func quote(_ word: String) -> String {
        let plain =
            !word.isEmpty
            && word.unicodeScalars.allSatisfy { c in
                CharacterSet.alphanumerics.contains(c) && c.isASCII || "-_./:@%+=,".unicodeScalars.contains(c)
            }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The command line of `words`, each quoted.
    package static func line(_ words: [String]) -> String { words.map(quote).joined(separator: " ") }
}
