import ArgumentParser
import Foundation
import LIPKit

/// The exit contract of every command: 0 ok; 1 findings or a refused request; 2 could not run.
enum ExitStatus {
    /// Prints what `error` says and returns its exit code.
    static func code(for error: Error) -> Int32 {
        switch error {
        case let error as LIPError:
            warn("lip: \(error.isRefusal ? "refused" : "error"): \(error)")
            return error.isRefusal ? 1 : 2
        case let error as ExitCode:
            // Findings (1) after the command printed them itself.
            return error.rawValue
        default:
            if LIPCommand.exitCode(for: error) == .success {
                // --help, --version: printed as ArgumentParser prints them.
                LIPCommand.exit(withError: error)
            }
            // Argument errors (ArgumentParser says 64) and anything unexpected are "could not run".
            warn(LIPCommand.fullMessage(for: error))
            return 2
        }
    }

    /// Findings were printed and at least one is an error.
    static let findings = ExitCode(1)
}
