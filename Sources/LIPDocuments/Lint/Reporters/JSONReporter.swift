import Foundation
import LIPCore

/// Findings as one JSON array of `{"file", "line", "lip", "rule", "severity", "message"[, "help"]}` objects.
public enum JSONReporter {
    /// The array, pretty-printed.
    public static func render(_ findings: [Finding]) -> String {
        JSONValue.array(findings.map(\.json)).serialized()
    }
}
