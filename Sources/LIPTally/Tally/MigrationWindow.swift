import BigInt
import Foundation
import LIPCore
import LIPDocuments
import LIPEthereum
import LIPLedger

/// Builds the positions of the migration window (stake mode `l1+l2`) from the L1 snapshot S1,
/// the L2 snapshot S2 and the migrations counted at S2's block.
public enum MigrationWindow {
    /// The positions, or an error naming a pool that S2 does not hold.
    ///
    /// - Every S2 row is a position in domain l2.
    /// - Every unmigrated S1 row with stake whose delegate has a pool P becomes an l2 position
    ///   delegating to the orchestrator's L2 address, with share floor(stake(P) × s / R(d)); P loses it.
    /// - Every other unmigrated S1 row with stake stays on l1; an orchestrator (X == d) there gets
    ///   the stake of the l1 positions delegating to it as delegated stake.
    public static func positions(l1 s1: [Position], l2 s2: [Position], migrations: [StakeMigration], l2Block: Int) throws -> [Position] {
        var migrated = Set<Address>()
        var pools: [Address: Address] = [:]  // L1 orchestrator -> pool
        var l2Address: [Address: Address] = [:]  // L1 account -> its L2 address
        for m in migrations {
            switch m.kind {
            case .delegator, .claim, .orchestrator:
                migrated.insert(m.l1Account)
                if let l2 = m.l2Account { l2Address[m.l1Account] = l2 }
                if m.kind == .orchestrator, let pool = m.pool { pools[m.l1Account] = pool }
            case .pool:
                if let pool = m.pool { pools[m.l1Account] = pool }
            }
        }
        var positions = s2
        for i in positions.indices where positions[i].domain != .l2 { positions[i].domain = .l2 }
        // Only the pools need finding among the L2 positions (a hundred thousand voters' rows).
        let poolAccounts = Set(pools.values)
        var indexOfL2Account: [Address: Int] = [:]
        if !poolAccounts.isEmpty {
            for i in positions.indices where poolAccounts.contains(positions[i].account) { indexOfL2Account[positions[i].account] = i }
        }

        let remaining = s1.filter { $0.stake > 0 && !migrated.contains($0.account) }
        var remainingToward: [Address: BigUInt] = [:]  // R(d)
        for row in remaining {
            if let d = row.delegate, d != row.account { remainingToward[d, default: 0] += row.stake }
        }
        var l1Positions: [Position] = []
        var poolStake: [Int: BigUInt] = [:]  // stake(P) in S2, before any share is taken off
        for row in remaining {
            if let d = row.delegate, d != row.account, let pool = pools[d] {
                guard let poolIndex = indexOfL2Account[pool] else {
                    throw LIPError.usage(
                        "the delegator pool \(pool.checksummed) of L1 orchestrator \(d.checksummed) has no row in the L2 snapshot at block \(l2Block): import an L2 snapshot that holds the pool's stake"
                    )
                }
                guard let target = l2Address[d] else {
                    throw LIPError.usage(
                        "L1 orchestrator \(d.checksummed) has a delegator pool but no migration that names its L2 address: import its MigrateDelegatorFinalized log or an orchestrator row in the migrations CSV"
                    )
                }
                let original = poolStake[poolIndex] ?? positions[poolIndex].stake
                poolStake[poolIndex] = original
                let share = original * row.stake / remainingToward[d]!
                positions[poolIndex].stake -= min(share, positions[poolIndex].stake)
                positions.append(Position(account: row.account, delegate: target, stake: share, delegatedStake: 0, registered: false, active: false, domain: .l2))
            } else {
                var p = row
                p.domain = .l1
                l1Positions.append(p)
            }
        }
        // Orchestrators left on L1: their delegated stake is what the L1 positions still delegate to them.
        var delegatedOnL1: [Address: BigUInt] = [:]
        for p in l1Positions { if let d = p.delegate { delegatedOnL1[d, default: 0] += p.stake } }
        for i in l1Positions.indices where l1Positions[i].delegate == l1Positions[i].account {
            l1Positions[i].registered = true
            l1Positions[i].delegatedStake = delegatedOnL1[l1Positions[i].account] ?? 0
        }
        positions.append(contentsOf: l1Positions)
        return positions
    }
}
