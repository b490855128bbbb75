import Foundation
import LIPCore

/// `Polls/LIP-<n>/forced.yaml`: every move of a LIP that `lip advance --force` made past a guard,
/// with its date, reason and the guard it overrode. `lip reconcile` accepts it in place of a poll.
public enum ForcedMoves {
    /// The file of LIP `number`.
    public static func url(workspace: Workspace, lip number: Int) -> URL {
        workspace.pollDirectory(lip: number).appendingPathComponent("forced.yaml")
    }

    /// Whether LIP `number` has a record of a forced move.
    public static func exists(workspace: Workspace, lip number: Int) -> Bool {
        FileManager.default.fileExists(atPath: url(workspace: workspace, lip: number).path)
    }

    /// The change that appends this move to the record (creating it).
    static func recording(workspace: Workspace, lip number: Int, from: LIPStatus, to: LIPStatus, overridden: [String], options: AdvanceOptions) throws -> FileChange {
        let url = url(workspace: workspace, lip: number)
        let old = FileManager.default.fileExists(atPath: url.path) ? try String(contentsOf: url, encoding: .utf8) : nil
        var text = old ?? "# Moves of LIP-\(number) forced past a guard by `lip advance --force`; `lip reconcile` reads it.\n"
        if !text.hasSuffix("\n") { text += "\n" }
        text += "- date: \(options.today)\n  from: \(JSONValue.quote(from.rawValue))\n  to: \(JSONValue.quote(to.rawValue))\n"
        text += "  reason: \(JSONValue.quote(options.reason ?? ""))\n  overrode:\n"
        for o in overridden { text += "    - \(JSONValue.quote(o))\n" }
        return FileChange(url: url, path: workspace.relativePath(url), old: old, new: text)
    }
}
