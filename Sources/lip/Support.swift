import ArgumentParser
import Foundation
import LIPKit

/// Writes to standard output. Every byte `lip` prints passes here or `warn`: a control character
/// in text from outside (a vote reason, a title, a node's message) is shown as `\u{1b}`, never
/// sent raw to the terminal (tab, newline and a CSV's `\r\n` stay).
func say(_ text: String, terminator: String = "\n") {
    FileHandle.standardOutput.write(VisibleText.forTerminal(Data((text + terminator).utf8)))
}

/// Writes to standard error, controls shown as `say` shows them.
func warn(_ text: String) {
    FileHandle.standardError.write(VisibleText.forTerminal(Data((text + "\n").utf8)))
}

/// Whether standard error is a terminal (progress goes there only then).
var stderrIsTerminal: Bool { isatty(2) == 1 }

/// The folder the command runs in.
var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

/// Today (or $LIP_TODAY).
var today: CalendarDate { get throws { try CalendarDate.today() } }

/// Prints lint findings in `format` (the count goes to standard error with text) and throws
/// exit 1 when one is an error.
func printFindings(_ report: LintReport, format: FindingFormat) throws {
    say(format.render(report.findings), terminator: "")
    if format == .text { warn(TextReporter.summary(report)) }
    if report.hasErrors { throw ExitStatus.findings }
}

/// Values kept alive until the process exits.
nonisolated(unsafe) private var keptUntilExit: [Any] = []

/// Keeps `value` alive until the process exits: the system takes back a large result's memory at
/// once, where freeing its hundreds of thousands of objects one by one takes a tenth of a second.
func keepUntilExit(_ value: Any) { keptUntilExit.append(value) }

/// Prints `text`, or writes it atomically to `output` (`-o FILE`) and says so on standard error.
/// A file gets the same bytes standard output would: controls from outside shown as `\u{1b}`, so
/// that `cat FILE` is as safe as the command's own output.
func writeOutput(_ text: String, to output: String?) throws {
    guard let output else { return say(text, terminator: "") }
    var transaction = FileTransaction()
    transaction.write(
        String(decoding: VisibleText.forTerminal(Data(text.utf8)), as: UTF8.self), to: URL(fileURLWithPath: output, relativeTo: currentDirectory).standardizedFileURL)
    try transaction.commit()
    warn("lip: wrote \(VisibleText.oneLine(output))")
}

/// After a sync, counts each ended poll and proposal again whose kept summary the sync made stale
/// (`Turnout.keepSummaries`), so the records read next are quick. What was synced is stored
/// already: a count that fails is said, and the sync still succeeds (the record that needs the
/// count says why).
func keepSummaries(_ ledger: Ledger, workspace: Workspace?) {
    do { try Turnout.keepSummaries(ledger: ledger, workspace: workspace) } catch { warn("warning: the polls' and proposals' counts were not kept: \(error)") }
}

/// Keeps where `chain` stood at `block` (nil: the head) in the ledger, so `lip site` can date
/// open votes without a node; a failure is a warning (the sync stays stored).
func keepClock(_ ledger: Ledger, node: Node, chain: Chain, roundsManager: Address?, at block: Int?) {
    do { try ledger.keepClock(try node.clock(roundsManager: roundsManager, at: block).chainClock, chain: chain) } catch {
        warn("warning: the chain's clock was not kept (lip site cannot date open votes): \(error)")
    }
}
