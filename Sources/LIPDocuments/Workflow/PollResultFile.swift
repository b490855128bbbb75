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

    /// The tally JSON as stored in `result.json`, every field as written: the one decoder of the
    /// file, which the workflow and the tally's reading of a saved result both use.
    package struct Contents: Decodable, Sendable {
        package struct Snapshot: Decodable, Sendable {
            package var chain: String
            package var block: Int
            package var l1Block: Int?
        }
        package struct Voter: Decodable, Sendable {
            package struct Part: Decodable, Sendable {
                package var domain: String
                package var registered: Bool
                package var stake, delegatedStake, nonVoteStake: String
            }
            package var address, choice, weight: String
            package var positions: [Part]
        }
        package var poll: String?
        package var lip: Int?
        package var endBlock: Int
        package var quorum, quota, stakeMode, quorumBase: String
        package var provisional: Bool
        package var snapshots: [Snapshot]
        package var yes, no, totalVoteStake, totalStake: String
        package var quorumMet: Bool
        package var result: String
        package var voters: [Voter]
        package var warnings: [String]
        package var inputsDigest: String

        /// Decodes `data`; a missing field, a value of the wrong type or text that is not JSON is
        /// an error (exit 2) naming `path` and the field.
        package static func decode(_ data: Data, path: String) throws -> Contents {
            func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: path, location: "", message: message) }
            do { return try JSONDecoder().decode(Contents.self, from: data) } catch let DecodingError.keyNotFound(key, context) {
                throw fail("\"\((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))\" is missing")
            } catch let DecodingError.typeMismatch(_, context) {
                throw fail("\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is of the wrong type")
            } catch let DecodingError.valueNotFound(_, context) {
                throw fail("\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is null")
            } catch {
                throw fail("not the tally JSON of `lip poll tally --save` (is the file truncated?)")
            }
        }
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
        let contents = try Contents.decode(data, path: path)
        guard let result = PollOutcome(rawValue: contents.result) else {
            throw LIPError.invalidInput(
                file: path, location: "", message: "\"result\" `\(contents.result)` is not one of " + PollOutcome.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return PollResultFile(lip: contents.lip, result: result, provisional: contents.provisional, inputsDigest: contents.inputsDigest)
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
