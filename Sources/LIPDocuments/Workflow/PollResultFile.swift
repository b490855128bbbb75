import Foundation
import LIPCore

/// What `Polls/LIP-<n>/result.json` (written by `lip poll tally --save`) says, as the workflow reads it.
public struct PollResultFile: Sendable {
    /// The LIP the result is for, if the file names one.
    public var lip: Int?
    /// `yes`, `no` or `quorum-not-met`.
    public var result: String
    /// The poll address.
    public var poll: String?

    /// Reads the result file of LIP `number`; nil when there is none.
    public static func load(workspace: Workspace, lip number: Int) throws -> PollResultFile? {
        let url = workspace.pollDirectory(lip: number).appendingPathComponent("result.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = workspace.relativePath(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: error.localizedDescription) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LIPError.invalidInput(file: path, location: "", message: "not a JSON object")
        }
        guard let result = object["result"] as? String else {
            throw LIPError.invalidInput(file: path, location: "", message: "no \"result\" string")
        }
        return PollResultFile(lip: (object["lip"] as? NSNumber)?.intValue, result: result, poll: object["poll"] as? String)
    }
}
