import Foundation
import LIPGovernor
import LIPTally
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

extension PollReport {
    /// The tally JSON plus the LIP's metadata.
    public var json: JSONValue {
        .object(
            result.jsonPairs + [
                (
                    "lipMetadata",
                    .object([
                        ("number", .int(result.poll.lip)), ("title", .string(lipTitle)), ("status", .string(lipStatus)), ("file", .string(lipFile)),
                    ])
                )
            ])
    }
}
