import ArgumentParser
import Foundation
import LIPCore

// Memory freed is kept for reuse, not faulted in again (ProcessMemory): `lip site` allocates and
// frees a page of megabytes for each of hundreds of votes.
ProcessMemory.keepFreedMemory()

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
