import Foundation
import LIPCore

/// `Polls/LIP-<n>/forced.yaml`: every move of a LIP that `lip advance --force` made past a guard,
/// with its date, reason and the guard it overrode. `lip reconcile` accepts it in place of a poll,
/// once it is checked: a folder, an empty or a malformed file is an error, never a record.
public enum ForcedMoves {
    /// One recorded move.
    public struct Move: Equatable, Sendable {
        /// When it was made.
        public var date: CalendarDate
        /// From and to which status.
        public var from: LIPStatus, to: LIPStatus
        /// Why the guard was overridden.
        public var reason: String
        /// The guards it overrode.
        public var overrode: [String]
    }

    /// The file of LIP `number`.
    public static func url(workspace: Workspace, lip number: Int) -> URL {
        workspace.pollDirectory(lip: number).appendingPathComponent("forced.yaml")
    }

    /// The moves recorded for LIP `number`, nil when it has no record; a record that is not a
    /// list of `{date, from, to, reason, overrode}` is an error (exit 2) naming the file and entry.
    public static func load(workspace: Workspace, lip number: Int) throws -> [Move]? {
        let url = url(workspace: workspace, lip: number)
        let path = workspace.relativePath(url)
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        guard exists || (try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) != nil else { return nil }
        func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "", message: message) }
        guard let entries = try BoundedYAML.load(contentsOf: url, path: path) as? [Any], !entries.isEmpty else {
            throw fail("not a record of forced moves: expected a list of moves, each with date, from, to, reason and overrode")
        }
        return try entries.enumerated().map { i, entry in
            let at = "move \(i + 1)"
            guard let map = entry as? [String: Any] else { throw fail("\(at) is not a mapping of date, from, to, reason and overrode") }
            func text(_ key: String) throws -> String {
                guard let value = map[key], !(value is [Any]), !(value is [String: Any]) else { throw fail("\(at): `\(key)` is missing") }
                // YAML reads an unquoted 2024-03-01 as a timestamp.
                if let date = value as? Date {
                    // The proleptic Gregorian date of its UTC day (never Foundation's Julian switch).
                    return CalendarDate(unixSeconds: Int64(date.timeIntervalSince1970.rounded(.down))).description
                }
                return "\(value)"
            }
            guard let date = CalendarDate(try text("date")) else { throw fail("\(at): date `\(try text("date"))` is not a YYYY-MM-DD date") }
            guard let from = LIPStatus(rawValue: try text("from")) else { throw fail("\(at): from `\(try text("from"))` is not a LIP status") }
            guard let to = LIPStatus(rawValue: try text("to")) else { throw fail("\(at): to `\(try text("to"))` is not a LIP status") }
            let reason = try text("reason")
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("\(at): reason is empty") }
            guard let overrode = map["overrode"] as? [Any], !overrode.isEmpty, overrode.allSatisfy({ $0 is String }) else {
                throw fail("\(at): `overrode` is not a list of the guards it overrode")
            }
            return Move(date: date, from: from, to: to, reason: reason, overrode: overrode.map { "\($0)" })
        }
    }

    /// The change that appends this move to the record (creating it); a record there must be valid.
    static func recording(workspace: Workspace, lip number: Int, from: LIPStatus, to: LIPStatus, overridden: [String], options: AdvanceOptions) throws -> FileChange {
        let url = url(workspace: workspace, lip: number)
        let old = try load(workspace: workspace, lip: number) == nil ? nil : try String(contentsOf: url, encoding: .utf8)
        var text = old ?? "# Moves of LIP-\(number) forced past a guard by `lip advance --force`; `lip reconcile` reads it.\n"
        if !text.hasSuffix("\n") { text += "\n" }
        text += "- date: \(options.today)\n  from: \(JSONValue.quote(from.rawValue))\n  to: \(JSONValue.quote(to.rawValue))\n"
        text += "  reason: \(JSONValue.quote(options.reason ?? ""))\n  overrode:\n"
        for o in overridden { text += "    - \(JSONValue.quote(o))\n" }
        return FileChange(url: url, path: workspace.relativePath(url), old: old, new: text)
    }
}
