import Foundation
import LIPCore

/// `Polls/LIP-<n>/result.json`: the poll's one saved result (the tally JSON), as the workflow reads it.
public struct PollResultFile: Sendable {
    /// The LIP the result is for, if the file names one.
    public var lip: Int?
    /// How the poll ended.
    public var result: PollOutcome
    /// Whether a snapshot of the tally predates the poll's end block.
    public var provisional: Bool
    /// The digest of the tally's inputs.
    public var inputsDigest: String?

    /// Creates a result as the workflow reads it.
    public init(lip: Int?, result: PollOutcome, provisional: Bool, inputsDigest: String?) {
        self.lip = lip
        self.result = result
        self.provisional = provisional
        self.inputsDigest = inputsDigest
    }

    /// The file of LIP `number` in `workspace`.
    public static func url(workspace: Workspace, lip number: Int) -> URL {
        workspace.pollDirectory(lip: number).appendingPathComponent("result.json")
    }

    /// Reads the result file of LIP `number`; nil when there is none.
    public static func load(workspace: Workspace, lip number: Int) throws -> PollResultFile? {
        let url = url(workspace: workspace, lip: number)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let path = workspace.relativePath(url)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw LIPError.unreadable(path: path, reason: "is a folder, not a file")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LIPError.invalidInput(file: path, location: "", message: "not a JSON object")
        }
        guard let text = object["result"] as? String else {
            throw LIPError.invalidInput(file: path, location: "", message: "no \"result\" string")
        }
        guard let result = PollOutcome(rawValue: text) else {
            throw LIPError.invalidInput(file: path, location: "", message: "\"result\" `\(text)` is not one of " + PollOutcome.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return PollResultFile(
            lip: (object["lip"] as? NSNumber)?.intValue, result: result, provisional: (object["provisional"] as? Bool) ?? false,
            inputsDigest: object["inputsDigest"] as? String)
    }

    /// Writes `json` (the tally JSON) as the result file of LIP `number`, atomically; returns its URL.
    @discardableResult
    public static func save(_ json: JSONValue, workspace: Workspace, lip number: Int) throws -> URL {
        var transaction = FileTransaction()
        let url = url(workspace: workspace, lip: number)
        transaction.write(json.serialized(), to: url)
        try transaction.commit(relativeTo: workspace.root)
        return url
    }
}
