import ArgumentParser
import Foundation

// Parse, run, and map every outcome to the exit contract in one place (ExitStatus). What the
// parser says of the arguments is its usage message; anything a command throws is `lip: error:`.
var command: any ParsableCommand
do {
    command = try LIPCommand.parseAsRoot()
} catch {
    exit(ExitStatus.code(forUsage: error))
}
do {
    try command.run()
} catch {
    exit(ExitStatus.code(for: error))
}
