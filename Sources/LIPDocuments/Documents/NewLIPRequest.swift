import Foundation
import LIPCore

/// What `lip new` needs to write a draft.
public struct NewLIPRequest: Sendable {
    /// The title.
    public var title: String
    /// The authors.
    public var author: String
    /// The type.
    public var type: LIPType
    /// The discussion URL, if known.
    public var discussionsTo: String?
    /// LIPs this one requires.
    public var requires: [Int]
    /// The bundle parent, if any.
    public var partOf: Int?
    /// The file slug (default: from the title).
    public var slug: String?
    /// The creation date.
    public var created: CalendarDate

    /// Creates a request.
    public init(title: String, author: String, type: LIPType, discussionsTo: String? = nil, requires: [Int] = [], partOf: Int? = nil, slug: String? = nil, created: CalendarDate) {
        self.title = title
        self.author = author
        self.type = type
        self.discussionsTo = discussionsTo
        self.requires = requires
        self.partOf = partOf
        self.slug = slug
        self.created = created
    }
}
