import LIPEthereum
import LIPGovernor
import LIPReports
import LIPTally

/// The accounts that have a page in the site, each with its link there as a vote page writes it
/// (`<a href="../voters/0x….html">0x12Ab…cdEF</a>`), made once for the site rather than once per
/// row: two hundred vote pages of ten thousand voters link the same ten thousand accounts.
struct SiteVoterLinks: Sendable {
    /// Every link's bytes, one after another: a row appends its voter's range of them, and no
    /// reference count is shared by the cores writing pages at once (an array per link was).
    private let bytes: [UInt8]
    private let ranges: [Address: Range<Int>]

    /// The links of `voters`.
    init(_ voters: [Address]) {
        var bytes: [UInt8] = []
        var ranges: [Address: Range<Int>] = [:]
        ranges.reserveCapacity(voters.count)
        for voter in voters {
            let start = bytes.count
            Self.appendLink(to: voter, label: voter.short, to: &bytes)
            ranges[voter] = start..<bytes.count
        }
        (self.bytes, self.ranges) = (bytes, ranges)
    }

    /// Appends a link to `account`'s page from a page one folder deep, labelled `label` (text).
    static func appendLink(to account: Address, label: String, to out: inout [UInt8]) {
        out += "<a href=\"../voters/".utf8
        account.appendLowercased(to: &out)
        out += ".html\">".utf8
        SiteVotes.appendText(label, to: &out)
        out += "</a>".utf8
    }

    /// Whether `account` has a page in the site.
    func contains(_ account: Address) -> Bool { ranges[account] != nil }

    /// Appends a poll's voters' table as `SiteVotes.html` writes the report's `voterTable` (the
    /// explorer links dropped), its rows written from the report's text for each voter; false,
    /// and nothing appended, when a voter has no page here or the report names its voters (the
    /// table's path then).
    func appendPollTable(_ report: PollReport, to out: inout [UInt8]) -> Bool {
        let voters = report.result.voters, order = report.orderedVoterIndices
        guard report.names.isEmpty, let rowLinks = links(order.map { voters[$0].address }) else { return false }
        // Each voter read in place, not copied (a reference count taken and dropped per row).
        bytes.withUnsafeBufferPointer { linkBytes in
            voters.withUnsafeBufferPointer { voters in
                SiteVotes.tableHTML(report.voterTableFrame, rowCount: order.count, to: &out) { out in
                    for (i, link) in zip(order, rowLinks) {
                        let text = report.voterText(voters[i])
                        Self.appendRowStart(voter: UnsafeBufferPointer(rebasing: linkBytes[link]), to: &out)
                        SiteVotes.appendText(text.role, to: &out)
                        Self.append(cell: text.choice, to: &out)
                        Self.append(cell: text.stake, to: &out)
                        Self.append(cell: text.share, to: &out)
                        out += "\n".utf8
                    }
                }
            }
        }
        return true
    }

    /// Appends a proposal's voters' table, as `appendPollTable` a poll's.
    func appendProposalTable(_ report: ProposalReport, to out: inout [UInt8]) -> Bool {
        let votes = report.result.votes
        guard report.names.isEmpty, let rowLinks = links(votes.map(\.vote.voter)) else { return false }
        // A role's text escaped once: a delegator's names its delegate, whom thousands share.
        var orchestrator: [UInt8] = [], none: [UInt8] = [], delegators: [Address: [UInt8]] = [:]
        SiteVotes.appendText(report.roleText(.orchestrator, delegate: .zero), to: &orchestrator)
        SiteVotes.appendText(report.roleText(.other, delegate: .zero), to: &none)
        bytes.withUnsafeBufferPointer { linkBytes in
            votes.withUnsafeBufferPointer { votes in
                SiteVotes.tableHTML(report.voterTableFrame, rowCount: votes.count, to: &out) { out in
                    for (i, link) in rowLinks.enumerated() {
                        Self.appendRowStart(voter: UnsafeBufferPointer(rebasing: linkBytes[link]), to: &out)
                        switch votes[i].role {
                        case .orchestrator: out += orchestrator
                        case .other: out += none
                        case .delegator:
                            if let known = delegators[votes[i].delegate] {
                                out += known
                            } else {
                                var made: [UInt8] = []
                                SiteVotes.appendText(report.roleText(.delegator, delegate: votes[i].delegate), to: &made)
                                delegators[votes[i].delegate] = made
                                out += made
                            }
                        }
                        let text = report.restText(votes[i])
                        Self.append(cell: text.support, to: &out)
                        Self.append(cell: text.counted, to: &out)
                        Self.append(cell: text.cast, to: &out)
                        Self.append(cell: text.reason, to: &out)
                        out += "\n".utf8
                    }
                }
            }
        }
        return true
    }

    /// Where the links of `voters` are in `bytes`, in their order; nil when one has no page here.
    private func links(_ voters: [Address]) -> [Range<Int>]? {
        var found: [Range<Int>] = []
        found.reserveCapacity(voters.count)
        for voter in voters {
            guard let link = ranges[voter] else { return nil }
            found.append(link)
        }
        return found
    }

    /// A row's start and its first cell up to the voter's role: the voter's `link` (a row as
    /// `SiteVotes.tableHTML` frames it: no end tags).
    private static func appendRowStart(voter link: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out += "<tr><td>".utf8
        out += link
    }

    /// A cell of `text`, escaped as `SiteVotes.html` escapes a cell's.
    private static func append(cell text: String, to out: inout [UInt8]) {
        out += "<td>".utf8
        SiteVotes.appendText(text, to: &out)
    }
}
