import Foundation
import LIPCore

enum PreambleParser {
    static func isMarker(_ line: String) -> Bool {
        var s = Substring(line)
        if s.hasPrefix("\u{FEFF}") { s = s.dropFirst() }
        return s.trimmingCharacters(in: .whitespaces) == "---"
    }

    /// Parses the preamble of `lines`, or says why there is none.
    static func parse(_ lines: [TextLine]) -> Result<Preamble, DocumentProblem> {
        guard let first = lines.first, isMarker(first.content) else { return .failure(.noPreamble) }
        var fields: [PreambleField] = []
        var malformed: [Int] = []
        var index = 1
        while index < lines.count {
            let content = lines[index].content
            if isMarker(content) {
                return .success(Preamble(openingLine: 0, closingLine: index, fields: fields, malformedLines: malformed))
            }
            if content.trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
                continue
            }
            if let colon = content.firstIndex(of: ":") {
                let key = content[..<colon].trimmingCharacters(in: .whitespaces)
                let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if key.isEmpty {
                    malformed.append(index)
                } else {
                    fields.append(PreambleField(key: key, value: value, lineIndex: index))
                }
            } else {
                malformed.append(index)
            }
            index += 1
        }
        return .failure(.unclosedPreamble(openingLine: 0))
    }
}
