import Foundation
import LIPCore

/// How serious a finding is. The CLI may raise warnings to errors (`--strict`).
public enum Severity: String, Sendable {
    case warning
    case error
}
