import Foundation
import LIPCore

/// What `lip` reads from a proposal's description (markdown): its title, the first heading, and
/// the LIP it carries out, when a front matter says `lip: N`.
public struct ProposalDescription: Sendable, Equatable {
    /// The first `#` heading's text; else the first non-empty line, at most 80 characters.
    public var title: String
    /// The LIP the front matter names.
    public var lip: Int?

    /// Reads `description`.
    public init(_ description: String) {
        let lines = description.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        }
        var heading: String?
        var firstLine: String?
        var lip: Int?
        var i = 0
        while i < lines.count {
            let line = lines[i].trimmingCharacters(in: .whitespaces)
            if line == "---", lip == nil, let end = lines[(i + 1)...].firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) {
                let yaml = lines[(i + 1)..<end].joined(separator: "\n")
                // Text written on chain by anyone: read within bounds (an alias bomb is no front matter).
                if let map = (try? BoundedYAML.load(yaml, path: "description")) as? [String: Any] {
                    lip = (map["lip"] as? Int) ?? (map["lip"] as? String).flatMap { Int($0.hasPrefix("LIP-") ? String($0.dropFirst(4)) : $0) }
                }
                i = end + 1
                continue
            }
            if heading == nil, line.hasPrefix("#") {
                let text = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { heading = text }
            }
            if firstLine == nil, !line.isEmpty { firstLine = line }
            i += 1
        }
        let fallback = firstLine.map { $0.count > 80 ? String($0.prefix(79)) + "…" : $0 } ?? "(no description)"
        title = heading ?? fallback
        self.lip = lip
    }
}
