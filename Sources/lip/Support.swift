import ArgumentParser
import Foundation
import LIPKit

/// `--workspace DIR`, shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $LIP_WORKSPACE, else the nearest folder upwards that has LIPs/).", valueName: "DIR"))
    var workspace: String?

    /// Finds the workspace.
    func locate() throws -> Workspace {
        try Workspace.locate(explicit: workspace, environment: ProcessInfo.processInfo.environment,
                             from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The workspace, when there is one.
    func locateIfPresent() -> Workspace? { try? locate() }
}

/// Writes to standard output.
func say(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(Data((text + terminator).utf8))
}

/// Writes to standard error.
func warn(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Whether standard error is a terminal (progress goes there only then).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// Runs a command body, turning `LIPError` into a message and the documented exit code.
func reporting(_ body: () throws -> Int32) throws {
    let code: Int32
    do {
        code = try body()
    } catch let error as LIPError {
        warn("lip: \(error.isRefusal ? "refused" : "error"): \(error)")
        throw ExitCode(error.isRefusal ? 1 : 2)
    }
    if code != 0 { throw ExitCode(code) }
}

/// Parses a YYYY-MM-DD argument.
func parseDate(_ text: String, option: String) throws -> CalendarDate {
    guard let date = CalendarDate(text) else { throw ValidationError("\(option): `\(text)` is not a YYYY-MM-DD date") }
    return date
}

/// Today (or $LIP_TODAY).
var today: CalendarDate { CalendarDate.today() }

/// Output formats for findings.
enum FindingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}

/// Renders findings and returns the exit code: 1 when any finding is an error (after --strict).
func renderFindings(_ findings: [Finding], format: FindingFormat, strict: Bool, filesChecked: Int) -> Int32 {
    let judged = findings.map { f -> Finding in
        var f = f
        if strict { f.severity = .error }
        return f
    }
    switch format {
    case .json:
        say(JSONValue.array(judged.map(\.json)).serialized(), terminator: "")
    case .github:
        for f in judged {
            let props = "file=\(githubProperty(f.file)),line=\(f.line),title=\(githubProperty(f.rule))"
            say("::\(f.severity.rawValue) \(props)::\(githubData(f.message + (f.help.map { " (help: \($0))" } ?? "")))")
        }
    case .text:
        for f in judged {
            say("\(f.file):\(f.line): \(f.severity.rawValue)[\(f.rule)]: \(f.message)")
            if let help = f.help { say("  = help: \(help)") }
        }
        let errors = judged.filter { $0.severity == .error }.count
        let warnings = judged.count - errors
        warn("\(filesChecked) file\(filesChecked == 1 ? "" : "s") checked: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
    }
    return judged.contains { $0.severity == .error } ? 1 : 0
}

private func githubData(_ s: String) -> String {
    s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
}

private func githubProperty(_ s: String) -> String {
    githubData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
}
