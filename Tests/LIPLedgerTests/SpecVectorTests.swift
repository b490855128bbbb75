import BigInt
import Foundation
import LIPTestSupport
import XCTest

@testable import LIPEthereum
@testable import LIPLedger

/// The spec's vectors for what the ledger decodes: the events' topic0 and the LIP-73 Merkle tree.
final class SpecVectorTests: XCTestCase {
    func testTopic0TableOfTheSpec() {
        XCTAssertEqual(LedgerEvent.pollCreated.topic0, "0x8afbc4e1826cefcfc1e64fd5ff7d8484e700867fdbe36e9b6db047c010a6229e")
        XCTAssertEqual(LedgerEvent.vote.topic0, "0xf668ead05c744b9178e571d2edb452e72baf6529c8d72160e64e59b50d865bd0")
        XCTAssertEqual(LedgerEvent.migrateDelegatorFinalized.topic0, "0xab2cb96eeb8726c709227935b01f6a5c6f7e9b518ab69eda0670c7ceda752d1a")
        XCTAssertEqual(LedgerEvent.stakeClaimed.topic0, "0xc08c27d872ca12215b2df3f441676fe2c084a204a487086d7436a4ac433d417a")
        XCTAssertEqual(LedgerEvent.delegatorPoolCreated.topic0, "0xf8a0d4273560c59d7022f3feaae470fc5b68c55cff078a6ab7e618203b530418")
    }

    func testMerkleVectorOfTheSpec() {
        let a = SnapshotEntry(
            delegator: Address("0x" + String(repeating: "11", count: 20))!, delegate: Address("0x" + String(repeating: "aa", count: 20))!,
            stake: BigUInt(1000) * Amount.weiPerLPT, fees: 0)
        let b = SnapshotEntry(
            delegator: Address("0x" + String(repeating: "22", count: 20))!, delegate: Address("0x" + String(repeating: "aa", count: 20))!,
            stake: BigUInt(250) * Amount.weiPerLPT, fees: BigUInt(10).power(15))
        let c = SnapshotEntry(delegator: Address("0x" + String(repeating: "33", count: 20))!, delegate: .zero, stake: BigUInt(5) * BigUInt(10).power(17), fees: 0)
        XCTAssertEqual(Hex.prefixed(a.leaf), "0xd7fc0abcefd1de3b9aa3c869f378e79a36c1d01fa7e4fc3e8122987774f8c27d")
        XCTAssertEqual(Hex.prefixed(b.leaf), "0x95d5342c857ffdcb8a69bb63362372b8110ed1b107b87a4eda6b9c5e77e73dd8")
        XCTAssertEqual(Hex.prefixed(c.leaf), "0x3b23625b69587148366b407f13ed0776886e9631e0786ebbde0cda5c44924d49")
        let zero = SnapshotEntry(packed: [UInt8](repeating: 0, count: 104))
        let tree = MerkleTree(entries: [c, a, b, zero, a])
        XCTAssertEqual(Hex.prefixed(tree.root), "0x5b2621f94b8ed87113a5392a2e8a01806a3e54ab0fbb4e8a41bb5814232cabce")
        for e in [a, b, c] {
            let proof = tree.proof(for: e.leaf)!
            XCTAssertTrue(MerkleTree.verify(leaf: e.leaf, proof: proof, root: tree.root))
        }
        // Sorted leaves are c, b, a: c's sibling is b, and a (odd, last) goes up alone.
        XCTAssertEqual(tree.proof(for: c.leaf)!.map { Hex.prefixed($0) }, [Hex.prefixed(b.leaf), Hex.prefixed(a.leaf)])
        XCTAssertEqual(tree.proof(for: a.leaf)!.count, 1)
        XCTAssertFalse(MerkleTree.verify(leaf: a.leaf, proof: tree.proof(for: b.leaf)!, root: tree.root))
        XCTAssertNil(tree.proof(for: zero.leaf))
        XCTAssertEqual(SnapshotEntry(packed: a.packed), a)
    }
}
