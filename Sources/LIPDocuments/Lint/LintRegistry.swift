import Foundation
import LIPCore

/// Every lint rule, in one place, with its stable id.
public enum LintRegistry {
    /// Rules that check one document.
    public static let documentRules: [any DocumentLintRule] = [
        FileUnreadable(), FileNotText(), FileNameNumber(), PreambleMissing(), PreambleMalformedLine(), PreambleMissingField(), PreambleUnknownField(),
        PreambleDuplicateField(), PreambleInvalidStatus(), PreambleInvalidType(), PreambleInvalidDate(),
        PreambleInvalidURL(), PreambleNumberMismatch(), PreambleSelfReference(), PreambleUnknownReference(),
        PreambleTrailingWhitespace(), PreambleLastCallDeadline(), MarkdownMissingSection(),
    ]

    /// Rules that look across the workspace.
    public static let workspaceRules: [any WorkspaceLintRule] = [
        BundleStatus(), IndexMissingTable(), IndexStatusMismatch(), IndexTitleMismatch(), IndexMissingEntry(),
        IndexStaleEntry(), IndexDuplicateEntry(),
    ]

    /// Every rule, for listings.
    public static var all: [any LintRule] { documentRules + workspaceRules }
}
