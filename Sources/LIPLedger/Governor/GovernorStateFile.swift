import BigInt
import Foundation
import LIPEthereum
import LIPCore

/// A `governor-state` file (governor.md, issue 13's contract): what the views of one governor said
/// of its proposals.
///
///     {"governor": "0x…", "proposals": [{"id": "<decimal uint256>", "totalSupply": "<wei>",
///       "quorumNumerator": "333300", "quota": "500000",
///       "onchain": {"against": "<wei>", "for": "<wei>", "abstain": "<wei>"} | null,
///       "state": 4, "delegations": {"0x<voter>": "0x<delegatedAt(voter, snapshot)>", …}}]}
public struct GovernorStateFile: Sendable, Equatable {
    /// The governor.
    public var governor: Address
    /// Its proposals' views.
    public var proposals: [ProposalViews]

    /// Creates a file's content.
    public init(governor: Address, proposals: [ProposalViews]) {
        self.governor = governor
        self.proposals = proposals
    }

    /// Parses the file's bytes; problems name `path`, the JSON path and the value.
    public init(data: Data, path: String) throws {
        func fail(_ location: String, _ message: String) -> LIPError { LIPError.invalidInput(file: path, location: location, message: message) }
        guard let top = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw fail("", "not a JSON object (expected {\"governor\": …, \"proposals\": […]})")
        }
        func address(_ value: Any?, _ at: String) throws -> Address {
            guard let text = value as? String else { throw fail(at, "expected an address string, found \(GovernorStateFile.show(value))") }
            guard let a = Address(text) else { throw fail(at, "`\(text)` is not an address (\(Address.problem(with: text)))") }
            return a
        }
        func amount(_ value: Any?, _ at: String) throws -> BigUInt {
            guard let text = value as? String else { throw fail(at, "expected a decimal string, found \(GovernorStateFile.show(value))") }
            do { return try Amount.parseWei(text) } catch let p as Amount.Problem { throw fail(at, "`\(text)` is \(p)") }
        }
        func parts(_ value: Any?, _ at: String) throws -> BigUInt {
            let n = try amount(value, at)
            guard n <= 1_000_000 else { throw fail(at, "`\(n)` is more than 1000000 (parts per million)") }
            return n
        }
        governor = try address(top["governor"], "governor")
        guard let list = top["proposals"] as? [Any] else { throw fail("proposals", "expected an array, found \(GovernorStateFile.show(top["proposals"]))") }
        var seen = Set<BigUInt>()
        proposals = try list.enumerated().map { i, element in
            let at = "proposals[\(i)]"
            guard let p = element as? [String: Any] else { throw fail(at, "expected an object") }
            let id = try amount(p["id"], at + ".id")
            guard seen.insert(id).inserted else { throw fail(at + ".id", "proposal \(id) is listed twice") }
            var onchain: ProposalTotals?
            switch p["onchain"] {
            case nil, is NSNull: onchain = nil
            case let o as [String: Any]:
                onchain = ProposalTotals(
                    against: try amount(o["against"], at + ".onchain.against"), for: try amount(o["for"], at + ".onchain.for"),
                    abstain: try amount(o["abstain"], at + ".onchain.abstain"))
            default: throw fail(at + ".onchain", "expected an object or null, found \(GovernorStateFile.show(p["onchain"]))")
            }
            guard let number = p["state"] as? NSNumber, !["c", "d", "f"].contains(String(cString: number.objCType)),
                let state = ProposalState(rawValue: number.intValue)
            else { throw fail(at + ".state", "expected an integer 0 to 7 (the governor's state()), found \(GovernorStateFile.show(p["state"]))") }
            guard let map = p["delegations"] as? [String: Any] else {
                throw fail(at + ".delegations", "expected an object of address: address, found \(GovernorStateFile.show(p["delegations"]))")
            }
            var delegations: [Address: Address] = [:]
            for key in map.keys.sorted() {
                let account = try address(key, at + ".delegations")
                guard delegations[account] == nil else { throw fail(at + ".delegations", "\(account.checksummed) is listed twice") }
                delegations[account] = try address(map[key], at + ".delegations[\"\(key)\"]")
            }
            return ProposalViews(
                id: id, totalSupply: try amount(p["totalSupply"], at + ".totalSupply"), quorumNumerator: try parts(p["quorumNumerator"], at + ".quorumNumerator"),
                quota: try parts(p["quota"], at + ".quota"), onchain: onchain, state: state, delegations: delegations)
        }
    }

    /// The file's JSON, in the contract's key order (what a proposals sync would write).
    public var json: JSONValue {
        .object([
            ("governor", .string(governor.checksummed)),
            (
                "proposals",
                .array(
                    proposals.map { p in
                        .object([
                            ("id", .string(String(p.id))), ("totalSupply", .string(String(p.totalSupply))),
                            ("quorumNumerator", .string(String(p.quorumNumerator))), ("quota", .string(String(p.quota))),
                            (
                                "onchain",
                                p.onchain.map { o in
                                    .object([("against", .string(String(o.against))), ("for", .string(String(o.for))), ("abstain", .string(String(o.abstain)))])
                                } ?? .null
                            ),
                            ("state", .int(p.state.rawValue)),
                            ("delegations", .object(p.delegations.keys.sorted().map { ($0.checksummed, .string(p.delegations[$0]!.checksummed)) })),
                        ])
                    })
            ),
        ])
    }

    private static func show(_ value: Any?) -> String {
        switch value {
        case nil: return "nothing"
        case is NSNull: return "null"
        case let s as String: return "the string `\(s.prefix(80))`"
        case let n as NSNumber where String(cString: n.objCType) == "c": return "the boolean \(n.boolValue)"
        case let n as NSNumber: return "the number \(n)"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "\(type(of: value!))"
        }
    }
}
