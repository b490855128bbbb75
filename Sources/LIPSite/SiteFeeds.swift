import Foundation
import LIPCore
import LIPDocuments
import LIPReports

/// The site's feeds (Atom) and its JSON index of LIPs.
enum SiteFeeds {
    /// Every LIP's front matter by its name, as PEPs' peps.json gives theirs.
    static func lipsJSON(_ lips: [SiteLIP]) -> String {
        let entries = lips.sorted { ($0.number ?? Int.max, $0.document.path) < ($1.number ?? Int.max, $1.document.path) }.map { lip -> (String, JSONValue) in
            let fields = (lip.document.preamble?.fields ?? []).map { ($0.key, JSONValue.string($0.value)) }
            return (lip.name, JSONValue.object(fields + [("page", .string(lip.page))]))
        }
        return JSONValue.object(entries).serialized()
    }

    /// One entry of a feed: a LIP created, or in its status since a date its front matter gives.
    struct Entry {
        var lip: SiteLIP
        var date: String
        /// `created`, or the status's name.
        var event: String
        var title: String
    }

    /// The entries of `lips` (only those of status `only`, when given), newest first: each LIP's
    /// creation (its `created` date) and, beyond Draft, its move to its status when its front
    /// matter dates it (`last-call-deadline` for Last Call, the day it ends; else `updated`). A
    /// move the files do not date is not invented: the creation entry names the status.
    static func entries(_ lips: [SiteLIP], only: LIPStatus?) -> [Entry] {
        var out: [Entry] = []
        for lip in lips where only == nil || lip.document.status == only {
            let p = lip.document.preamble
            let created = p?.value("created").flatMap(CalendarDate.init)?.description
            let name = "\(lip.name): \(VisibleText.oneLine(lip.title))"
            var moved: String?
            if lip.document.status == .lastCall {
                moved = p?.value("last-call-deadline").flatMap(CalendarDate.init)?.description
            } else if lip.document.status != .draft, let updated = p?.value("updated").flatMap(CalendarDate.init)?.description, updated >= (created ?? "") {
                moved = updated
            }
            if only == nil || moved == nil {
                out.append(Entry(lip: lip, date: created ?? "1970-01-01", event: "created", title: "\(name) (created; \(lip.status))"))
            }
            if let moved {
                let what = lip.document.status == .lastCall ? "in Last Call until \(moved)" : lip.status
                out.append(Entry(lip: lip, date: moved, event: lip.status.lowercased().replacingOccurrences(of: " ", with: "-"), title: "\(name) (\(what))"))
            }
        }
        return out.sorted { ($0.date, $0.lip.document.path, $0.event) > ($1.date, $1.lip.document.path, $1.event) }
    }

    /// An Atom feed of `entries`; links under `baseURL` (empty: relative to the feed).
    static func feed(_ entries: [Entry], title: String, id: String, baseURL: String) -> String {
        let updated = entries.first?.date ?? "1970-01-01"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(Escaping.xml(title))</title>\n  <id>urn:lip-site:\(id)</id>\n  <updated>\(updated)T00:00:00Z</updated>\n"
        out += "  <link rel=\"self\" href=\"\(Escaping.xml(baseURL))\(id).xml\"/>\n"
        for entry in entries {
            let lip = entry.lip
            out += "  <entry>\n    <title>\(Escaping.xml(entry.title))</title>\n"
            out += "    <id>urn:lip-site:\(Escaping.xml(lip.name)):\(Escaping.xml(entry.event))</id>\n"
            out += "    <updated>\(entry.date)T00:00:00Z</updated>\n    <link href=\"\(Escaping.xml(baseURL))\(lip.page)\"/>\n"
            out += "    <author><name>\(Escaping.xml(VisibleText.oneLine(lip.document.preamble?.value("author") ?? "unknown")))</name></author>\n"
            out += "    <summary>\(Escaping.xml("\(lip.name) is \(lip.status)."))</summary>\n  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// `--base-url` made ready to prefix a page's path: an absolute http(s) URL without query or
    /// fragment, ending in `/`.
    static func baseURL(_ text: String) throws -> String {
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false,
            url.query == nil, url.fragment == nil, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else {
            throw LIPError.usage("--base-url `\(VisibleText.oneLine(text))` is not an absolute http(s) URL without query or fragment (as https://example.org/lips/)")
        }
        return text.hasSuffix("/") ? text : text + "/"
    }
}
