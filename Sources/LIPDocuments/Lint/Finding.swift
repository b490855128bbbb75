import Foundation
import LIPCore

/// One problem found in a file: a value, rendered and judged by the CLI.
public struct Finding: Equatable, Sendable {
    /// The file, relative to the workspace.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The LIP number, or nil when unknown.
    public var lip: Int?
    /// The rule id (kebab case), stable across versions.
    public var rule: String
    /// The severity.
    public var severity: Severity
    /// What is wrong, naming the value.
    public var message: String
    /// How to fix it, if there is something to say.
    public var help: String?

    /// Creates a finding.
    public init(file: String, line: Int, lip: Int?, rule: String, severity: Severity, message: String, help: String? = nil) {
        self.file = file
        self.line = line
        self.lip = lip
        self.rule = rule
        self.severity = severity
        self.message = message
        self.help = help
    }

    /// Orders findings by file, line, then rule id.
    public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.file != b.file {
            let na = (a.file as NSString).lastPathComponent, nb = (b.file as NSString).lastPathComponent
            return na != nb ? Workspace.fileOrder(na, nb) : a.file < b.file
        }
        if a.line != b.line { return a.line < b.line }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.message < b.message
    }
}

extension LIPDocument {
    /// A finding about this document at 0-based line `index`.
    func finding(_ rule: LintRule, line index: Int, severity: Severity? = nil, _ message: String, help: String? = nil) -> Finding {
        Finding(file: path, line: index + 1, lip: effectiveNumber, rule: rule.id, severity: severity ?? rule.severity, message: message, help: help)
    }
}

extension Finding {
    /// The finding as the contract's JSON object.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("file", .string(file)), ("line", .int(line)), ("lip", .int(lip)), ("rule", .string(rule)),
            ("severity", .string(severity.rawValue)), ("message", .string(message)),
        ]
        if let help { pairs.append(("help", .string(help))) }
        return .object(pairs)
    }
}
