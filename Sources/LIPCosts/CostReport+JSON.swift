import BigInt
import Foundation
import LIPCore
import LIPEthereum

extension CostReport {
    /// The report as JSON, keys in the contract's order (docs/costs.md), amounts as decimal strings.
    public var json: JSONValue {
        func samples(_ s: Samples?) -> JSONValue {
            s.map { .object([("count", .int($0.count)), ("firstBlock", .int($0.firstBlock)), ("lastBlock", .int($0.lastBlock))]) } ?? .null
        }
        func stats<V>(_ s: Statistics<V>?, _ text: (V) -> String) -> JSONValue {
            guard let s else { return .null }
            return .object([
                ("min", .string(text(s.min))), ("p10", .string(text(s.p10))), ("p50", .string(text(s.p50))), ("p90", .string(text(s.p90))),
                ("max", .string(text(s.max))), ("mean", .string(text(s.mean))),
            ])
        }
        func chain(_ c: ChainCost?) -> JSONValue {
            guard let c else { return .null }
            return .object([
                ("gas", .string(String(c.gas))), ("gasMin", .string(String(c.gasMin))), ("gasMax", .string(String(c.gasMax))), ("measurements", .int(c.measurements)),
                ("l1DataFee", c.l1DataFee.map(JSONValue.bool) ?? .null), ("costWei", stats(c.wei) { String($0) }), ("costUsd", stats(c.usd) { $0 }),
            ])
        }
        return .object([
            ("set", .string(set)),
            ("window", window.map { .object([("from", .string($0.from.map(String.init(describing:)))), ("to", .string($0.to.map(String.init(describing:))))]) } ?? .null),
            ("samples", .object([("l1", samples(l1Samples)), ("l2", samples(l2Samples))])),
            (
                "operations",
                .array(
                    operations.map { o in
                        .object([("operation", .string(o.operation)), ("l1", chain(o.l1)), ("l2", chain(o.l2)), ("savings", .string(o.savings))])
                    })
            ),
            ("warnings", .array(warnings.map(JSONValue.string))),
            ("inputsDigest", .string(inputsDigest)),
        ])
    }
}
