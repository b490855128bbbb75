import Foundation

/// Where a link in a LIP body may go on the site (site.md): http(s) and mailto links stay; a
/// relative link to another LIP goes to its page; one to another file of the workspace to the copy
/// the site carries at the same path; one to nothing, or with any other scheme (`javascript:`,
/// `data:`, `file:`), is shown as text. An image from another host is shown as a link to it.
public struct LinkPolicy: Sendable {
    /// The folder of the page's markdown file, relative to the workspace (`LIPs`).
    public var folder: String
    /// The workspace's files the site may carry, relative paths (`assets/lip-25/governor.png`).
    public var files: Set<String>
    /// Each LIP's markdown file and its page, relative to the workspace (`LIPs/LIP-7.md` → `LIPs/LIP-7.html`).
    public var pages: [String: String]

    public init(folder: String, files: Set<String>, pages: [String: String]) {
        self.folder = folder
        self.files = files
        self.pages = pages
    }

    /// Whether `url` is http(s), its scheme in any case (only its first bytes lowercased: a vote's
    /// page links every voter).
    static func isWeb(_ url: String) -> Bool {
        let head = Substring(url.utf8.prefix(8)).lowercased()
        return head.hasPrefix("https://") || head.hasPrefix("http://")
    }

    /// What `url` becomes, and the workspace file the site must carry for it (nil when none).
    public func rewrite(_ url: String, isImage: Bool) -> (MarkdownHTML.Rewrite, carried: String?) {
        if Self.isWeb(url) { return (isImage ? .link(url) : .target(url), nil) }
        if url.lowercased().hasPrefix("mailto:") { return (isImage ? .text : .target(url), nil) }
        if url.hasPrefix("#") { return (isImage ? .text : .target(url), nil) }
        // Any other scheme, and a URL that starts with // (another host), is no link here.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return (.text, nil) }
        if url.hasPrefix("//") || url.isEmpty { return (.text, nil) }
        let (path, fragment) = Self.split(url)
        guard let resolved = Self.resolve(path, in: folder) else { return (.text, nil) }
        if let page = pages[resolved] { return (isImage ? .text : .target(Self.relative(page, from: folder) + fragment), nil) }
        if files.contains(resolved) { return (.target(Self.relative(resolved, from: folder) + fragment), resolved) }
        return (.text, nil)
    }

    /// The path and the `#fragment` (or `?query`, dropped) of a relative URL.
    static func split(_ url: String) -> (String, String) {
        var path = Substring(url), fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = path[..<hash]
        }
        if let query = path.firstIndex(of: "?") { path = path[..<query] }
        return (String(path).removingPercentEncoding ?? String(path), fragment)
    }

    /// `path` resolved against `folder`, `.` and `..` removed; nil when it leaves the workspace.
    static func resolve(_ path: String, in folder: String) -> String? {
        var parts = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    /// `target` (relative to the workspace) as a path relative to `folder`.
    static func relative(_ target: String, from folder: String) -> String {
        let from = folder.split(separator: "/").map(String.init), to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count && common < to.count - 1 && from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
