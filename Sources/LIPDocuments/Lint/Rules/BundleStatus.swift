import Foundation
import LIPCore

/// `bundle-status`: a `part-of` child is behind its Accepted or Final parent.
package struct BundleStatus: WorkspaceLintRule {
    package init() {}
    package let id = "bundle-status"
    package let severity = Severity.error
    package let summary = "a `part-of` child is behind its Accepted or Final parent"

    package func check(_ summaries: [DocumentSummary], context: LintContext) -> [Finding] {
        var statusByNumber: [Int: LIPStatus] = [:]
        for s in summaries { if let n = s.number, let st = s.status { statusByNumber[n] = st } }
        var findings: [Finding] = []
        for child in summaries {
            guard let childStatus = child.status else { continue }
            for parent in child.partOf where parent != child.number {
                guard let parentStatus = statusByNumber[parent] else { continue }
                let expected: [LIPStatus]
                switch parentStatus {
                case .accepted: expected = [.accepted, .final]
                case .final: expected = [.final]
                default: continue
                }
                if !expected.contains(childStatus) && childStatus != .abandoned {
                    findings.append(
                        Finding(
                            file: child.path, line: child.statusLine + 1, lip: child.number, rule: id, severity: severity,
                            message: "status is \(childStatus.rawValue) but its bundle parent LIP-\(parent) is \(parentStatus.rawValue)",
                            help: "a bundle moves together: `lip advance \(parent) …` carries its children"))
                }
            }
        }
        return findings
    }
}
