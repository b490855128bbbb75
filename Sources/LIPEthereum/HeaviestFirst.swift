import BigInt

/// The order a count lists voters in: heaviest first, then by address, then by place (so that
/// the order is the same whatever the sort). A tally and a proposal's count both list ten
/// thousand voters a page; when every weight fits 128 bits (every real amount of LPT) the sort
/// compares machine words, not BigUInts.
package enum HeaviestFirst {
    /// The indexes of `weights` (and of `addresses`, as long) in that order.
    package static func order(weights: [BigUInt], addresses: [Address]) -> [Int] {
        precondition(weights.count == addresses.count, "a weight for each address")
        var keys: [(weight: UInt128, address: Address, index: Int)] = []
        keys.reserveCapacity(weights.count)
        for (i, weight) in weights.enumerated() {
            guard let fits = Amount.uint128(weight) else { return orderOfBigUInts(weights: weights, addresses: addresses) }
            keys.append((fits, addresses[i], i))
        }
        keys.sort { a, b in
            a.weight != b.weight ? a.weight > b.weight : a.address != b.address ? a.address < b.address : a.index < b.index
        }
        return keys.map(\.index)
    }

    /// The same order compared as BigUInts, for weights past 128 bits.
    static func orderOfBigUInts(weights: [BigUInt], addresses: [Address]) -> [Int] {
        weights.indices.sorted { i, j in
            switch BigUInt.compare(weights[i], weights[j]) {
            case .orderedDescending: return true
            case .orderedAscending: return false
            case .orderedSame: return addresses[i] != addresses[j] ? addresses[i] < addresses[j] : i < j
            }
        }
    }
}
