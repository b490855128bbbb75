import BigInt
import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// An unsigned vote transaction, for any wallet, hardware signer or Safe to sign: `lip` holds no
/// key and sends nothing.
public struct VoteTransaction: Sendable, Equatable {
    /// The chain it is for.
    public var chainID: Int
    /// The contract called.
    public var to: Address
    /// The calldata.
    public var data: [UInt8]
    /// The function, for `cast send` (`vote(uint256)`).
    public var signature: String
    /// Its arguments as `cast` takes them.
    public var arguments: [String]
    /// What it is, for a Safe batch's name.
    public var title: String

    /// `Poll.vote(choiceID)`: 0 yes, 1 no.
    public static func poll(_ poll: Address, choice: VoteChoice, chainID: Int, title: String) -> VoteTransaction {
        let id = choice == .yes ? 0 : 1
        return VoteTransaction(
            chainID: chainID, to: poll, data: ABI.selector("vote(uint256)") + ABI.encode(uint: BigUInt(id)), signature: "vote(uint256)", arguments: [String(id)],
            title: title)
    }

    /// LivepeerGovernor `castVote(id, support)`, or `castVoteWithReason(id, support, reason)` when
    /// a reason is given (support 0 against, 1 for, 2 abstain).
    public static func proposal(governor: Address, id: BigUInt, support: Int, reason: String?, chainID: Int, title: String) -> VoteTransaction {
        let head = ABI.encode(uint: id) + ABI.encode(uint: BigUInt(support))
        guard let reason else {
            return VoteTransaction(
                chainID: chainID, to: governor, data: ABI.selector("castVote(uint256,uint8)") + head, signature: "castVote(uint256,uint8)",
                arguments: [String(id), String(support)], title: title)
        }
        let bytes = Array(reason.utf8)
        let tail = ABI.encode(uint: BigUInt(bytes.count)) + bytes + [UInt8](repeating: 0, count: (32 - bytes.count % 32) % 32)
        return VoteTransaction(
            chainID: chainID, to: governor, data: ABI.selector("castVoteWithReason(uint256,uint8,string)") + head + ABI.encode(uint: 96) + tail,
            signature: "castVoteWithReason(uint256,uint8,string)", arguments: [String(id), String(support), reason], title: title)
    }

    /// `{chainId, to, value, data}`.
    public var json: JSONValue {
        .object([("chainId", .int(chainID)), ("to", .string(to.checksummed)), ("value", .string("0")), ("data", .string(Hex.prefixed(data)))])
    }

    /// A Safe Transaction Builder batch file of this one call.
    public var safeBatch: JSONValue {
        .object([
            ("version", .string("1.0")), ("chainId", .string(String(chainID))),
            ("meta", .object([("name", .string(title)), ("description", .string("Made by lip: an unsigned vote; check it before signing"))])),
            ("transactions", .array([.object([("to", .string(to.checksummed)), ("value", .string("0")), ("data", .string(Hex.prefixed(data)))])])),
        ])
    }

    /// The `cast send` line (Foundry), the key left to the signer's own options.
    public var castCommand: String {
        "cast send \(to.checksummed) '\(signature)' \(arguments.map(ShellWord.quote).joined(separator: " ")) --chain \(chainID) --rpc-url \"$RPC_URL\""
    }

    /// The EIP-681 URI.
    public var eip681: String {
        let name = signature.prefix { $0 != "(" }
        let types = signature.dropFirst(name.count + 1).dropLast().split(separator: ",")
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return "ethereum:\(to.checksummed)@\(chainID)/\(name)?"
            + zip(types, arguments).map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? $1)" }.joined(separator: "&")
    }
}
