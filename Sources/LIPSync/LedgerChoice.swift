import Foundation
import LIPCore
import LIPLedger

/// Which ledger file a command works on, and for which network, from what the user gave: `--db`
/// (else `$LIP_LEDGER`), `--network` and `--networks`. A ledger belongs to one network: without
/// `--db`, each network has its own file in the workspace (`.lip/ledger.sqlite` for mainnet,
/// `.lip/ledger-NAME.sqlite` for any other); with it, the file's recorded network is used unless
/// `--network` names one, and a file that records another network is refused.
package struct LedgerChoice {
    /// `--db` (else `$LIP_LEDGER`) as typed; nil for the workspace's file of the network.
    package var db: String?
    /// `--network` as typed; nil when not given.
    package var network: String?
    /// `--networks` as typed.
    package var networksPath: String?
    /// The folder relative paths are read from.
    package var directory: URL
    /// The workspace's root, found only when needed (a missing workspace is an error then).
    package var workspaceRoot: () throws -> URL
    /// The workspace's root when there is one (for its networks.yaml).
    package var knownWorkspaceRoot: URL?

    /// Creates a choice.
    package init(db: String?, network: String?, networksPath: String?, directory: URL, workspaceRoot: @escaping () throws -> URL, knownWorkspaceRoot: URL?) {
        self.db = db
        self.network = network
        self.networksPath = networksPath
        self.directory = directory
        self.workspaceRoot = workspaceRoot
        self.knownWorkspaceRoot = knownWorkspaceRoot
    }

    /// `--networks` as a file.
    var networksFile: URL? { networksPath.map { URL(fileURLWithPath: $0, relativeTo: directory).standardizedFileURL } }
    /// The workspace's networks.yaml.
    var workspaceNetworksFile: URL? { knownWorkspaceRoot?.appendingPathComponent("networks.yaml") }

    /// The ledger file: `--db`, else the workspace's file of `--network` (mainnet's when not given).
    package func path() throws -> String {
        if let db, !db.isEmpty { return URL(fileURLWithPath: db, relativeTo: directory).standardizedFileURL.path }
        let name = network ?? "mainnet"
        guard LedgerNetwork.isName(name) else {
            throw LIPError.usage("`\(VisibleText.oneLine(name))` is not a network name (1 to 64 letters, digits, `.`, `_` or `-`)")
        }
        return try workspaceRoot().appendingPathComponent(".lip").appendingPathComponent(LedgerNetwork.defaultFileName(of: name)).path
    }

    /// The identity of network `name` (its chain ids), from the built-in mainnet or networks.yaml.
    package func identity(of name: String) throws -> LedgerNetwork {
        try Network.identity(of: name, file: networksFile, path: networksPath, workspaceFile: workspaceNetworksFile)
    }

    /// Opens the ledger to read it: a missing one is an error and nothing is created; one that
    /// records another network than `--network` is refused.
    package func open() throws -> Ledger {
        let path = try path()
        guard let network else { return try Ledger(path: path, create: false) }
        return try Ledger(path: path, create: false, network: try identity(of: network))
    }

    /// The network a command that writes works on: `--network`, else the network the file
    /// records, else mainnet. Reads the file (when there is one) and creates nothing.
    /// A file that records another network than `--network` is refused here, before a sync reads
    /// anything.
    package func writingNetwork() throws -> LedgerNetwork {
        let path = try path()
        let exists = FileManager.default.fileExists(atPath: path)
        if let network {
            let asked = try identity(of: network)
            if exists { _ = try Ledger(path: path, create: false, network: asked) }
            return asked
        }
        let recorded = exists ? try Ledger(path: path, create: false).network() : nil
        return try recorded ?? identity(of: "mainnet")
    }

    /// Opens the ledger to write it, creating it when needed: it works on `network` (a sync's,
    /// resolved before it read the node), else on `writingNetwork()`; a ledger that records none
    /// is stamped with it by the first write.
    package func openForWriting(network: LedgerNetwork? = nil) throws -> Ledger {
        try Ledger(path: try path(), create: true, network: try network ?? writingNetwork())
    }

    /// The network `ledger` works on: `--network`, else the one it records, else mainnet.
    package func networkIdentity(of ledger: Ledger) throws -> LedgerNetwork {
        if let asked = ledger.workingNetwork { return asked }
        if let network { return try identity(of: network) }
        return try ledger.network() ?? identity(of: "mainnet")
    }

    /// The contracts of `network` (mainnet built in; any other from networks.yaml), which must
    /// still give it the chain ids the ledger records.
    package func contracts(of network: LedgerNetwork) throws -> Network {
        let now = try identity(of: network.name)
        guard now == network else { throw Ledger.otherNetwork(path: try path(), recorded: network, asked: now) }
        return try Network.named(network.name, file: networksFile, path: networksPath, workspaceFile: workspaceNetworksFile)
    }
}
