import Foundation
import GRDB
import LIPCore

/// Schema migration `v12-poll-scans` (records.md): how far `lip ledger sync polls` has looked for
/// a PollCreator's polls, which polls it has seen decided (their stake read at the deciding block:
/// never read again), and what BondingVotes said at a proposal's snapshot round of the
/// orchestrators that did not vote (`lip turnout` names the largest without a node). Frozen once
/// shipped: a change of schema is a new migration.
enum Migration12PollScans {
    /// Its name in `grdb_migrations`.
    static let identifier = "v12-poll-scans"

    /// Applies it inside its own transaction.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE poll_scans (
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    poll_creator TEXT NOT NULL,      -- the PollCreator, 0x lowercase
                    scanned_to INTEGER NOT NULL,     -- every PollCreated up to this block is in the ledger
                    PRIMARY KEY (chain, poll_creator)
                );
                CREATE TABLE poll_decisions (
                    poll TEXT PRIMARY KEY,           -- the poll, 0x lowercase
                    chain TEXT NOT NULL CHECK (chain IN ('l1', 'l2')),
                    deciding_block INTEGER NOT NULL, -- the block its stake was read at, once the end had passed
                    block_hash TEXT NOT NULL
                );
                CREATE TABLE proposal_stakes (
                    governor TEXT NOT NULL,
                    proposal TEXT NOT NULL,          -- decimal id
                    account TEXT NOT NULL,           -- 0x lowercase
                    votes TEXT NOT NULL,             -- getPastVotes(account, snapshot round), wei decimal
                    delegate TEXT NOT NULL,          -- delegatedAt(account, snapshot round), 0x lowercase
                    PRIMARY KEY (governor, proposal, account)
                );
                """)
    }
}
