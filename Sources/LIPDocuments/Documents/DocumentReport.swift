import Foundation
import LIPCore

/// What `lip show` tells about one LIP: fields, file, allowed moves and the index row.
public struct DocumentReport {
    /// The document.
    public let document: LIPDocument
    /// The index row, when the README has one for it.
    public let indexRow: IndexRow?
    /// The moves allowed now, each with what it still needs (nil: ready).
    public let moves: [(status: LIPStatus, requirement: TransitionGuard, blocker: String?)]

    /// Loads the LIP named by `reference` (a number or a draft slug).
    public init(workspace: Workspace, reference: String, today: CalendarDate, resultCheck: (any PollResultCheck)? = nil) throws {
        if let n = Int(reference) {
            document = try workspace.document(lip: n)
            indexRow = try workspace.readmeIndex()?.row(for: n)
            moves = try Workflow(workspace: workspace).nextMoves(lip: n, options: AdvanceOptions(today: today, resultCheck: resultCheck))
        } else {
            let slug = try DocumentActions.normalizedSlug(reference)
            let url = workspace.lipsDirectory.appendingPathComponent("LIP-\(slug).md")
            guard FileManager.default.fileExists(atPath: url.path) else { throw LIPError.usage("no LIP `\(reference)` (no file LIPs/LIP-\(slug).md)") }
            document = try LIPDocument.load(url, path: workspace.relativePath(url))
            indexRow = nil
            let status = document.status
            moves = TransitionTable.moves.filter { $0.from == status }.map { ($0.to, $0.guard, $0.to == .abandoned ? nil : "a number: `lip assign \(slug)`") }
        }
    }

    /// The short JSON of a document in `lip list`.
    public static func summaryJSON(_ d: LIPDocument) -> JSONValue {
        .object([
            ("lip", .int(d.numberFromFileName)), ("slug", .string(d.slugFromFileName)), ("file", .string(d.path)),
            ("title", .string(d.title)), ("status", .string(d.preamble?.value("status"))), ("type", .string(d.preamble?.value("type"))),
            ("created", .string(d.preamble?.value("created"))), ("author", .string(d.preamble?.value("author"))),
        ])
    }

    /// The report as JSON.
    public var json: JSONValue {
        let fields = document.preamble?.fields.map { ($0.key, JSONValue.string($0.value)) } ?? []
        return .object([
            ("lip", .int(document.numberFromFileName)), ("file", .string(document.path)),
            ("fields", .object(fields)),
            (
                "next",
                .array(
                    moves.map { m in
                        .object([
                            ("status", .string(m.status.rawValue)), ("requires", .string(m.requirement.requirement)),
                            ("ready", .bool(m.blocker == nil)), ("blocker", .string(m.blocker)),
                        ])
                    })
            ),
            ("index", indexRow.map { .object([("title", .string($0.title)), ("status", .string($0.status)), ("line", .int($0.lineIndex + 1))]) } ?? .null),
        ])
    }

    /// The report as text.
    public var text: String {
        var out = ""
        let name = document.numberFromFileName.map { "LIP-\($0)" } ?? document.fileName
        out += "\(name): \(document.title ?? "(no title)")\n"
        out += "file: \(document.path)\n\n"
        let fields = document.preamble?.fields ?? []
        let width = fields.map(\.key.count).max() ?? 0
        for f in fields { out += "  \(f.key):" + String(repeating: " ", count: width - f.key.count + 1) + f.value + "\n" }
        out += "\nnext:\n"
        if moves.isEmpty { out += "  none: \(document.preamble?.value("status") ?? "this status") is final\n" }
        for m in moves {
            if let blocker = m.blocker {
                out += "  \(m.status.kebab): not yet. \(DocumentReport.sentence(blocker))\n"
            } else {
                out += "  \(m.status.kebab): ready" + (m.requirement == .none ? "" : " (\(m.requirement.requirement))") + "\n"
            }
        }
        out += "\nindex: "
        if let row = indexRow {
            out += "README.md line \(row.lineIndex + 1): \(row.title) | \(row.status)"
            var differences: [String] = []
            if let t = document.title, t != row.title { differences.append("title differs") }
            if let s = document.status, s.rawValue != row.status { differences.append("status differs") }
            out += differences.isEmpty ? " (in step)\n" : " (" + differences.joined(separator: ", ") + ": run `lip index`)\n"
        } else {
            out += document.numberFromFileName == nil ? "not listed (no number yet)\n" : "no row (run `lip index`)\n"
        }
        return out
    }

    /// A guard's reason as a sentence: capitalised, with a full stop.
    static func sentence(_ reason: String) -> String {
        guard let first = reason.first else { return reason }
        let text = first.uppercased() + reason.dropFirst()
        return text.hasSuffix(".") ? text : text + "."
    }
}
