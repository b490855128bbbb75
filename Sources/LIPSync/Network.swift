import Foundation
import LIPCore
import LIPEthereum
import LIPLedger

/// The contracts `lip` reads on one network: per chain, its chain id and the addresses, with the
/// block each was created in (the first block worth scanning).
package struct Network: Sendable {
    /// A contract and the block it was created in.
    package struct Contract: Sendable {
        /// Its address.
        package var address: Address
        /// Its creation block (0 when unknown).
        package var block: Int
    }

    /// One chain of the network.
    package struct ChainContracts: Sendable {
        /// `eth_chainId` must say this.
        package var chainID: Int
        /// Livepeer's PollCreator.
        package var pollCreator: Contract
        /// The BondingManager (its proxy).
        package var bondingManager: Contract
        /// Multicall3, when the chain has one; without it, calls go in JSON-RPC batches.
        package var multicall3: Contract?
        /// The RoundsManager (on L1 pendingStake takes the round of the block; `lip due` reads
        /// rounds from it on either chain).
        package var roundsManager: Address? = nil
        /// LivepeerGovernor (its proxy), on L2.
        package var livepeerGovernor: Contract? = nil
        /// BondingVotes (its proxy), on L2: round-keyed voting weights.
        package var bondingVotes: Contract? = nil
        /// The LivepeerToken (LPT) on this chain.
        package var livepeerToken: Contract? = nil
        /// The Treasury (LivepeerGovernor's timelock), on L2.
        package var treasury: Contract? = nil
        /// The L2Migrator (its proxy), on L2: the LIP-73 migrations from L1.
        package var l2Migrator: Contract? = nil
    }

    /// The network's name (`mainnet`, or a key of networks.yaml).
    package var name: String
    /// Its chains.
    package var chains: [Chain: ChainContracts]

    /// Livepeer on Arbitrum One (l2) and Ethereum (l1), from `rpc-sync.md`.
    package static let mainnet = Network(
        name: "mainnet",
        chains: [
            .l2: ChainContracts(
                chainID: 42161, pollCreator: Contract(address: Address("0x8bb50806D60c492c0004DAD5D9627DAA2d9732E6")!, block: 5_857_075),
                bondingManager: Contract(address: Address("0x35Bcf3c30594191d53231E4FF333E8A770453e40")!, block: 5_857_075),
                multicall3: Contract(address: Address("0xcA11bde05977b3631167028862bE2a173976CA11")!, block: 7_654_707),
                roundsManager: Address("0xdd6f56DcC28D3F5f27084381fE8Df634985cc39f")!,
                livepeerGovernor: Contract(address: Address("0xcFE4E2879B786C3aa075813F0E364bb5acCb6aa0")!, block: 139_793_525),
                bondingVotes: Contract(address: Address("0x0B9C254837E72Ebe9Fe04960C43B69782E68169A")!, block: 139_793_525),
                // livepeer/arbitrum-lpt-bridge deployments/arbitrumMainnet/LivepeerToken.json (07f1d72) and
                // livepeer/protocol deployments/arbitrumMainnet/Treasury.json (9cb915b): address and receipt block.
                livepeerToken: Contract(address: Address("0x289ba1701C2F088cf0faf8B3705246331cB8A839")!, block: 5_856_156),
                treasury: Contract(address: Address("0xf82C1FF415F1fCf582554fDba790E27019c8E8C4")!, block: 139_793_473),
                // livepeer/arbitrum-lpt-bridge deployments/arbitrumMainnet/L2MigratorProxy.json (603314d): address and receipt block.
                l2Migrator: Contract(address: Address("0x148D5b6B4df9530c7C76A810bd1Cdf69EC4c2085")!, block: 5_864_923)),
            .l1: ChainContracts(
                chainID: 1, pollCreator: Contract(address: Address("0xBf824EDb6b94D9B52d972d5B25bCc19b4e6E3F3C")!, block: 0),
                bondingManager: Contract(address: Address("0x511bc4556d823ae99630ae8de28b9b80df90ea2e")!, block: 0),
                multicall3: Contract(address: Address("0xcA11bde05977b3631167028862bE2a173976CA11")!, block: 0),
                roundsManager: Address("0x3984fc4ceeef1739135476f625d36d6c35c40dc3")!),
        ])

    /// The network `name`: `mainnet` is built in; any other comes from `file` (`--networks`), else
    /// the workspace's `networks.yaml`.
    package static func named(_ name: String, file: URL?, path: String?, workspaceFile: URL?) throws -> Network {
        if name == "mainnet" && file == nil { return mainnet }
        guard let (entry, shown) = try entry(name, file: file, path: path, workspaceFile: workspaceFile) else { return mainnet }
        var chains: [Chain: ChainContracts] = [:]
        for (key, value) in entry {
            func fail(_ message: String) -> LIPError { LIPError.invalidInput(file: shown, location: "", message: "\(name).\(key): \(message)") }
            guard let chain = Chain(rawValue: key) else { throw fail("not a chain (l1 or l2)") }
            guard let fields = value as? [String: Any] else { throw fail("expected chain-id, poll-creator, bonding-manager") }
            func contract(_ field: String) throws -> Contract? {
                switch fields[field] {
                case nil: return nil
                case let text as String:
                    guard let a = Address(text) else { throw fail("\(field) `\(text)` is not an address (\(Address.problem(with: text)))") }
                    return Contract(address: a, block: 0)
                case let map as [String: Any]:
                    let text = map["address"].map { "\($0)" } ?? ""
                    guard let a = Address(text) else { throw fail("\(field).address `\(text)` is not an address (\(Address.problem(with: text)))") }
                    let block = (map["block"] as? Int) ?? 0
                    guard block >= 0 else { throw fail("\(field).block is negative") }
                    return Contract(address: a, block: block)
                default: throw fail("\(field) is neither an address nor {address, block}")
                }
            }
            guard let chainID = fields["chain-id"] as? Int else { throw fail("chain-id is missing or not a number") }
            guard let pollCreator = try contract("poll-creator") else { throw fail("poll-creator is missing") }
            guard let bondingManager = try contract("bonding-manager") else { throw fail("bonding-manager is missing") }
            chains[chain] = ChainContracts(
                chainID: chainID, pollCreator: pollCreator, bondingManager: bondingManager, multicall3: try contract("multicall3"),
                roundsManager: try contract("rounds-manager")?.address, livepeerGovernor: try contract("livepeer-governor"),
                bondingVotes: try contract("bonding-votes"), livepeerToken: try contract("livepeer-token"), treasury: try contract("treasury"),
                l2Migrator: try contract("l2-migrator"))
        }
        return Network(name: name, chains: chains)
    }

    /// The entry of network `name` in `file` (`--networks`), else the workspace's networks.yaml,
    /// and the file as messages name it; nil for mainnet when the file does not define it.
    private static func entry(_ name: String, file: URL?, path: String?, workspaceFile: URL?) throws -> (entry: [String: Any], shown: String)? {
        let source = file ?? workspaceFile
        guard let source, FileManager.default.fileExists(atPath: source.path) else {
            throw LIPError.usage("no network `\(name)`: only mainnet is built in; define it in the workspace's networks.yaml or give --networks FILE")
        }
        let shown = path ?? "networks.yaml"
        let loaded = try BoundedYAML.load(contentsOf: source, path: shown)
        guard let networks = loaded as? [String: Any] else { throw LIPError.invalidInput(file: shown, location: "", message: "expected network names at the top level") }
        guard let entry = networks[name] as? [String: Any] else {
            if name == "mainnet" { return nil }
            throw LIPError.usage("\(shown) defines no network `\(name)` (it has: \(networks.keys.sorted().joined(separator: ", ")))")
        }
        return (entry, shown)
    }

    /// What a ledger records of network `name`: its name and the chain id of each chain it names
    /// (built in for mainnet; otherwise networks.yaml, where an entry may name one chain only).
    package static func identity(of name: String, file: URL?, path: String?, workspaceFile: URL?) throws -> LedgerNetwork {
        guard LedgerNetwork.isName(name) else {
            throw LIPError.usage("`\(VisibleText.oneLine(name))` is not a network name (1 to 64 letters, digits, `.`, `_` or `-`)")
        }
        let builtIn = LedgerNetwork(name: "mainnet", l1ChainID: mainnet.chains[.l1]?.chainID, l2ChainID: mainnet.chains[.l2]?.chainID)
        if name == "mainnet" && file == nil { return builtIn }
        guard let (entry, shown) = try entry(name, file: file, path: path, workspaceFile: workspaceFile) else { return builtIn }
        func id(_ chain: Chain) throws -> Int? {
            guard let value = entry[chain.rawValue] else { return nil }
            guard let fields = value as? [String: Any], let id = fields["chain-id"] as? Int, id > 0 else {
                throw LIPError.invalidInput(file: shown, location: "", message: "\(name).\(chain.rawValue).chain-id is missing or not a positive number")
            }
            return id
        }
        let identity = LedgerNetwork(name: name, l1ChainID: try id(.l1), l2ChainID: try id(.l2))
        guard identity.l1ChainID != nil || identity.l2ChainID != nil else {
            throw LIPError.invalidInput(file: shown, location: "", message: "\(name) names neither l1 nor l2")
        }
        return identity
    }
}
