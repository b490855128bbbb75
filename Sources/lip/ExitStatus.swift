import ArgumentParser
import Foundation
import LIPKit

/// The exit contract of every command: 0 ok; 1 findings or a refused request; 2 could not run.
enum ExitStatus {
    /// Prints what `error`, thrown by a command, says and returns its exit code. Nothing reaches
    /// ArgumentParser's `Error:` handler: an error of any kind is `lip: error: …`.
    static func code(for error: Error) -> Int32 {
        switch error {
        case let error as LIPError:
            // An RPC URL that reached a message (typed where a poll belongs, say) shows its host only.
            warn("lip: \(error.isRefusal ? "refused" : "error"): " + RedactedURLs.redact("\(error)"))
            return error.isRefusal ? 1 : 2
        case let error as ExitCode:
            // Findings (1) after the command printed them itself.
            return error.rawValue
        default:
            // The parser's own (help asked through a subcommand, a usage error it found late) keep its words.
            if LIPCommand.exitCode(for: error) != .failure { return code(forUsage: error) }
            warn("lip: error: " + RedactedURLs.redact("\(error)"))
            return 2
        }
    }

    /// Prints what the argument parser says of the command line and returns its exit code: 0 for
    /// `--help` and `--version`, else 2. A URL typed anywhere on the line (a positional argument by
    /// mistake, an unknown option's value) is shown as `scheme://host` only: it may hold an API key.
    static func code(forUsage error: Error) -> Int32 {
        if LIPCommand.exitCode(for: error) == .success {
            // --help, --version: printed as ArgumentParser prints them.
            LIPCommand.exit(withError: error)
        }
        warn(RedactedURLs.redact(LIPCommand.fullMessage(for: error)))
        return 2
    }

    /// Findings were printed and at least one is an error.
    static let findings = ExitCode(1)
}
