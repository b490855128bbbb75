import ArgumentParser
import Foundation

/// `--to-block N` of the syncs that read forward from where the last run stopped: the block
/// read up to, as if it were the head.
struct ToBlockOption: ParsableArguments {
    @Option(name: .customLong("to-block"), help: ArgumentHelp("Read up to this block, as if it were the head (default: the head).", valueName: "N"))
    var toBlock: Int?

    func validate() throws {
        if let toBlock, toBlock < 0 { throw ValidationError("--to-block must not be negative") }
    }
}
