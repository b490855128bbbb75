import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// The network a ledger belongs to: its name and the chain ids of its L1 and L2 (a row of
/// `ledger_network`). A ledger holds one network's data only; a command that names another is
/// refused before it reads or writes anything.
public struct LedgerNetwork: Equatable, Sendable, CustomStringConvertible {
    /// `mainnet`, or a key of networks.yaml.
    public var name: String
    /// The L1 chain id, nil when the network names no L1.
    public var l1ChainID: Int?
    /// The L2 chain id, nil when the network names no L2.
    public var l2ChainID: Int?

    /// Creates a network identity.
    public init(name: String, l1ChainID: Int?, l2ChainID: Int?) {
        self.name = name
        self.l1ChainID = l1ChainID
        self.l2ChainID = l2ChainID
    }

    /// The chain id of `chain`, nil when the network names none.
    public func chainID(of chain: Chain) -> Int? { chain == .l1 ? l1ChainID : l2ChainID }

    /// `devnet (l1 chain id -, l2 chain id 1337)`.
    public var description: String {
        "\(name) (l1 chain id \(l1ChainID.map(String.init) ?? "-"), l2 chain id \(l2ChainID.map(String.init) ?? "-"))"
    }

    /// Whether `name` can name a network and its ledger file (`.lip/ledger-NAME.sqlite`): 1 to 64
    /// letters, digits, `.`, `_` or `-`, not starting with `.` or `-`.
    public static func isName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first != 0x2E, first != 0x2D, name.utf8.count <= 64 else { return false }
        return name.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// The ledger file of network `name` in a workspace's `.lip/`: `ledger.sqlite` for mainnet,
    /// `ledger-NAME.sqlite` for any other.
    public static func defaultFileName(of name: String) -> String { name == "mainnet" ? "ledger.sqlite" : "ledger-\(name).sqlite" }
}

extension LedgerNetwork: LedgerRecord {
    /// The row of `ledger_network`.
    init(row: Row) throws {
        let r = StoredRow(row: row, table: "ledger_network", key: ["id"])
        self.init(name: try r("name"), l1ChainID: try r.optional("l1_chain_id", as: Int.self), l2ChainID: try r.optional("l2_chain_id", as: Int.self))
    }
}

extension Ledger {
    /// The network this ledger records, nil for a ledger no command has written since networks
    /// were recorded.
    public func network() throws -> LedgerNetwork? {
        try read { db in try LedgerNetwork.fetchOne(db, sql: "SELECT id, name, l1_chain_id, l2_chain_id FROM ledger_network") }
    }

    /// The error for a ledger that records `recorded` asked to work on `asked`.
    package static func otherNetwork(path: String, recorded: LedgerNetwork, asked: LedgerNetwork) -> LIPError {
        let sameName = recorded.name == asked.name
        return LIPError.usage(
            "\(path) is the ledger of network \(recorded), not of \(asked)"
                + (sameName
                    ? ": networks.yaml now gives \(asked.name) other chain ids than when the ledger was written; restore them, or start another ledger with --db"
                    : ": give --network \(recorded.name) to use it, or leave out --db (and $LIP_LEDGER) so that \(asked.name) uses its own ledger, .lip/\(LedgerNetwork.defaultFileName(of: asked.name))")
        )
    }

    /// Refuses, before anything is read or written, a ledger that records another network than `network`.
    static func refuseOtherNetwork(_ db: Database, _ network: LedgerNetwork, path: String) throws {
        guard try db.tableExists("ledger_network"),
            let recorded = try LedgerNetwork.fetchOne(db, sql: "SELECT id, name, l1_chain_id, l2_chain_id FROM ledger_network")
        else { return }
        guard recorded == network else { throw Ledger.otherNetwork(path: path, recorded: recorded, asked: network) }
    }

    /// Records `network` in a ledger that records none yet (inside the first write transaction).
    static func stamp(_ db: Database, _ network: LedgerNetwork) throws {
        try db.execute(
            sql: "INSERT INTO ledger_network (id, name, l1_chain_id, l2_chain_id) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
            arguments: [network.name, network.l1ChainID, network.l2ChainID])
    }
}
