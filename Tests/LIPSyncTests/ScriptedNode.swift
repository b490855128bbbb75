import BigInt
import Foundation
import LIPTestSupport

@testable import LIPCore
@testable import LIPEthereum
@testable import LIPLedger
@testable import LIPSync

/// A node of chain 1337 whose head is `head` and whose logs and views a test scripts, served
/// through `ScriptedTransport` as a JSON-RPC node answers (`lip` sees its endpoint as
/// `http://127.0.0.1:8545/SECRET`, whose key must never be shown). Its `finalized` block, when
/// given (else the tag is unknown to it). `logs` answers an `eth_getLogs` query object; `call` an
/// `eth_call`'s data (nil: it reverts); `change` may alter any answer object before it is sent.
func scriptedNode(
    head: Int, finalized: Int? = nil, logs: @escaping ([String: Any]) -> [[String: Any]], call: @escaping ([UInt8]) -> [UInt8]? = { _ in nil },
    change: @escaping (String, inout [String: Any]) -> Void = { _, _ in }
) -> Node {
    let transport = ScriptedTransport { request in
        func answer(_ r: [String: Any]) -> [String: Any] {
            let method = r["method"] as? String ?? "", params = r["params"] as? [Any] ?? []
            var object: [String: Any] = ["jsonrpc": "2.0", "id": r["id"] ?? NSNull()]
            switch method {
            case "eth_chainId": object["result"] = scriptedHex(1337)
            case "eth_getBlockByNumber":
                let tag = params.first as? String ?? ""
                if tag == "finalized" && finalized == nil {
                    object["error"] = ["code": -32602, "message": "unknown block tag"]
                    break
                }
                let n = tag == "latest" ? head : tag == "finalized" ? finalized ?? head : Node.canonicalQuantity(tag) ?? 0
                object["result"] = [
                    "number": scriptedHex(n), "hash": Hex.prefixed(Array(repeating: UInt8(n % 256), count: 32)), "timestamp": scriptedHex(1_700_000_000 + n),
                ]
            case "eth_getLogs": object["result"] = logs(params.first as? [String: Any] ?? [:])
            case "eth_call":
                if let result = call(Hex.decode((params.first as? [String: Any])?["data"] as? String ?? "") ?? []) {
                    object["result"] = Hex.prefixed(result)
                } else {
                    object["error"] = ["code": 3, "message": "execution reverted"]
                }
            default: object["error"] = ["code": -32601, "message": "method not found"]
            }
            change(method, &object)
            return object
        }
        if let batch = request as? [[String: Any]] { return ScriptedTransport.json(batch.map(answer)) }
        return ScriptedTransport.json(answer(request as! [String: Any]))
    }
    return Node(
        client: JSONRPCClient(
            endpoint: try! RPCEndpoint("http://127.0.0.1:8545/SECRET"), policy: RetryPolicy(attempts: 1, baseDelay: 0, maximumDelay: 0, timeout: 1), batchLimit: 100,
            transport: transport, pause: { _ in }, jitter: { 0 }))
}

/// A log as a node answers it; its transaction hash is `block` repeated.
func scriptedLog(_ address: Address, _ topics: [String], _ data: [UInt8], block: Int, index: Int) -> [String: Any] {
    [
        "address": address.lowercased, "topics": topics, "data": Hex.prefixed(data), "blockNumber": scriptedHex(block),
        "transactionHash": Hex.prefixed(Array(repeating: UInt8(block), count: 32)), "logIndex": scriptedHex(index), "removed": false,
    ]
}

/// A quantity as a node writes it.
func scriptedHex(_ n: Int) -> String { "0x" + String(n, radix: 16) }

/// The address of `byte` (two hex digits) twenty times.
func scriptedAddress(_ byte: String) -> Address { Address("0x" + String(repeating: byte, count: 20))! }

/// An address as an indexed topic.
func addressTopic(_ a: Address) -> String { Hex.prefixed(ABI.encode(address: a)) }
