// LIPKit: the library under `lip`, one import for all of it.
//
// - LIPCore: errors, JSON, atomic multi-file writes, CSV reading, dates, diffs.
// - LIPDocuments: LIP files, lint rules, the README index, the workflow.
// - LIPEthereum: addresses and EIP-55, hex, ABI words and arrays, keccak-256, exact amounts.
// - LIPLedger: the SQLite ledger.
// - LIPTally: polls and their tallies by LIP-16.
// - LIPSync: reading polls, stake and governor proposals from a JSON-RPC node into the ledger.
// - LIPGovernor: LivepeerGovernor proposals counted with overrides.
// - LIPCosts: what a protocol transaction costs on L1 and L2, from gas benchmarks and price samples.
// - LIPRecords: every vote over time: the polls a ledger holds, a voter's record, turnout, what is due.
// - LIPTreasury: the treasury's movements, balance and ceiling, checked against balanceOf.
// - LIPReports: what polls and proposals render: forum posts, CSV, SVG, JSON, reproduce commands, links.
@_exported import LIPCore
@_exported import LIPEthereum
@_exported import LIPDocuments
@_exported import LIPLedger
@_exported import LIPTally
@_exported import LIPSync
@_exported import LIPGovernor
@_exported import LIPCosts
@_exported import LIPRecords
@_exported import LIPTreasury
@_exported import LIPReports
