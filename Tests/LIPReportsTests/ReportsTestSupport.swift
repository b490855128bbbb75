import BigInt
import Foundation
import LIPTestSupport

@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPTally

/// A tally of `voters` voters on L2 (voter n, 1-based, has n LPT; every third votes no), of the
/// poll 0x…90 of LIP `lip`: the result the report tests render.
func sampleResult(voters: Int, lip: Int?) -> TallyResult {
    let positions = (0..<voters).map { i in
        Position(
            account: String(format: "0x%040x", i + 1), delegate: nil, stake: BigUInt(i + 1) * Amount.weiPerLPT, delegatedStake: 0, registered: false, active: false, domain: .l2)
    }
    let votes = (0..<voters).map { CastVote(voter: String(format: "0x%040x", $0 + 1), choice: $0 % 3 == 0 ? "1" : "0", block: 1, logIndex: $0) }
    return TallyEngine.tally(
        TallyInputs(
            poll: PollParameters(address: Address(addr("90")), lip: lip, chain: .l2, endBlock: 10, quorum: 333300, quota: 500000),
            stakeMode: .l2, quorumBase: .bonded, snapshots: [SnapshotReference(chain: .l2, block: 3, l1Block: 10)], provisional: false, positions: positions,
            votes: votes))
}
