import Foundation
import GRDB
import LIPCore
import LIPEthereum

/// Schema migration `v7-binary-logs`: Raw logs as bytes in a rowid table; votes in their key's B-tree. Frozen once shipped: a change of schema is a new migration.
enum Migration7BinaryLogs {
    /// Its name in `grdb_migrations`.
    static let identifier = "v7-binary-logs"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        // Raw logs as bytes, not hex text: a log row is half the size, and a log import writes
        // half the pages. They stay in a rowid table (rows appended in import order) beside
        // their key's index: transaction hashes are random, and a table clustered by them
        // would take every insert at a random place in its whole width. Votes are kept in their
        // key's B-tree alone (the key is nearly the whole row).
        try db.execute(
            sql: """
                CREATE TABLE logs_v7 (
                    chain TEXT NOT NULL,
                    transaction_hash BLOB NOT NULL,  -- 32 bytes
                    log_index INTEGER NOT NULL,
                    block_number INTEGER NOT NULL,
                    address BLOB NOT NULL,           -- the emitting contract, 20 bytes
                    topics BLOB NOT NULL,            -- the topics, 32 bytes each, one after another
                    data BLOB NOT NULL,
                    event TEXT,                      -- decoded event name; NULL: unknown topic, skipped
                    PRIMARY KEY (chain, transaction_hash, log_index)
                );
                CREATE TABLE votes_v7 (
                    poll TEXT NOT NULL,
                    voter TEXT NOT NULL,
                    choice TEXT NOT NULL,
                    block INTEGER NOT NULL,
                    log_index INTEGER NOT NULL,
                    PRIMARY KEY (poll, voter, block, log_index)
                ) WITHOUT ROWID;
                INSERT INTO votes_v7 SELECT poll, voter, choice, block, log_index FROM votes;
                DROP TABLE votes;
                ALTER TABLE votes_v7 RENAME TO votes;
                """)
        // SQLite before 3.41 has no unhex(): the logs are converted here. Every stored value
        // was checked hex when it was imported.
        let insert = try db.makeStatement(
            sql: "INSERT INTO logs_v7 (chain, transaction_hash, log_index, block_number, address, topics, data, event) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT chain, transaction_hash, log_index, block_number, address, topics, data, event FROM logs")
        while let row = try rows.next() {
            func bytes(_ column: String) throws -> Data {
                let text: String = try row.migrated(column, in: "logs")
                guard let bytes = Hex.decode(text) else { throw RowProblem("logs.\(column) `\(text)` is not hex") }
                return Data(bytes)
            }
            let topicsJSON: String = try row.migrated("topics", in: "logs")
            guard let topics = try? JSONDecoder().decode([String].self, from: Data(topicsJSON.utf8)) else {
                throw RowProblem("logs.topics `\(topicsJSON)` is not a JSON array of topics")
            }
            var topicBytes = Data()
            for topic in topics {
                guard let word = Hex.decode(topic), word.count == 32 else { throw RowProblem("logs.topics `\(topicsJSON)` is not a JSON array of topics") }
                topicBytes.append(contentsOf: word)
            }
            try insert.execute(arguments: [
                try row.migrated("chain", in: "logs", as: String.self), try bytes("transaction_hash"), try row.migrated("log_index", in: "logs", as: Int.self),
                try row.migrated("block_number", in: "logs", as: Int.self), try bytes("address"), topicBytes, try bytes("data"),
                try row.migratedOptional("event", in: "logs", as: String.self),
            ])
        }
        try db.execute(sql: "DROP TABLE logs; ALTER TABLE logs_v7 RENAME TO logs")
    }
}
