// LIPKit: the library under `lip`, one import for all of it.
//
// - LIPCore: errors, JSON, atomic multi-file writes, CSV reading, dates, diffs.
// - LIPDocuments: LIP files, lint rules, the README index, the workflow.
// - LIPLedger: Ethereum primitives and the SQLite ledger.
// - LIPTally: polls, tallies and reports.
// - LIPSync: reading polls, stake and governor proposals from a JSON-RPC node into the ledger.
// - LIPGovernor: LivepeerGovernor proposals counted with overrides, and their reports.
@_exported import LIPCore
@_exported import LIPDocuments
@_exported import LIPLedger
@_exported import LIPTally
@_exported import LIPSync
@_exported import LIPGovernor
