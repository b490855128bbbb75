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

    /// An Atom feed of the LIPs (only those of `only`, when given), newest first by their date:
    /// `last-call-deadline` for a LIP in Last Call, else `created`.
    static func feed(_ lips: [SiteLIP], title: String, id: String, only: LIPStatus?) -> String {
        func date(_ lip: SiteLIP) -> String {
            let p = lip.document.preamble
            let raw = (lip.document.status == .lastCall ? p?.value("last-call-deadline") : nil) ?? p?.value("created") ?? ""
            return CalendarDate(raw)?.description ?? "1970-01-01"
        }
        let chosen = lips.filter { only == nil || $0.document.status == only }.sorted { (date($0), $0.document.path) > (date($1), $1.document.path) }
        let updated = chosen.first.map(date) ?? "1970-01-01"
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        out += "  <title>\(Escaping.xml(title))</title>\n  <id>urn:lip-site:\(id)</id>\n  <updated>\(updated)T00:00:00Z</updated>\n"
        out += "  <link rel=\"self\" href=\"\(id).xml\"/>\n"
        for lip in chosen {
            let status = lip.status
            let what = lip.document.status == .lastCall ? "in Last Call until \(date(lip))" : status
            out += "  <entry>\n    <title>\(Escaping.xml("\(lip.name): \(VisibleText.oneLine(lip.title)) (\(what))"))</title>\n"
            out += "    <id>urn:lip-site:\(Escaping.xml(lip.name)):\(Escaping.xml(status.lowercased().replacingOccurrences(of: " ", with: "-")))</id>\n"
            out += "    <updated>\(date(lip))T00:00:00Z</updated>\n    <link href=\"\(lip.page)\"/>\n"
            out += "    <author><name>\(Escaping.xml(VisibleText.oneLine(lip.document.preamble?.value("author") ?? "unknown")))</name></author>\n"
            out += "    <summary>\(Escaping.xml("\(lip.name) is \(status)."))</summary>\n  </entry>\n"
        }
        return out + "</feed>\n"
    }
}
