import Foundation

// Parse, run, and map every outcome to the exit contract in one place (ExitStatus).
do {
    var command = try LIPCommand.parseAsRoot()
    try command.run()
} catch {
    exit(ExitStatus.code(for: error))
}
