import ArgumentParser
import Foundation
import LIPKit

// Exit codes: 0 ok, 1 findings or refused, 2 could not run (bad usage included).
do {
    var command = try LIPCommand.parseAsRoot()
    try command.run()
} catch {
    let code = LIPCommand.exitCode(for: error)
    if code == .success {
        LIPCommand.exit(withError: error)
    } else if error is ExitCode {
        exit(code.rawValue)
    } else {
        // Argument errors (ArgumentParser says 64) and anything unexpected are "could not run": 2.
        let message = LIPCommand.fullMessage(for: error)
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
