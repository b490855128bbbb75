import XCTest

@testable import LIPSite

/// A LIP body as the site renders it: GitHub's markdown (cmark-gfm: tables, autolinks), raw HTML
/// shown as text, and every link and image through the site's link policy.
final class MarkdownHTMLTests: XCTestCase {
    let policy = LinkPolicy(
        folder: "LIPs", files: ["assets/lip-25/governor.png", "LIPs/LIP-25/notes.txt"],
        pages: ["LIPs/LIP-7.md": "LIPs/LIP-7.html", "LIPs/LIP-25.md": "LIPs/LIP-25.html"])

    func render(_ markdown: String) -> String { MarkdownHTML.render(markdown) { policy.rewrite($0, isImage: $1).0 } }

    func testTablesAndAutolinksRenderAsGitHubDoes() {
        let html = render("| a | b |\n| --- | ---: |\n| 1 | 2 |\n\nSee https://livepeer.org.\n")
        XCTAssertTrue(html.contains("<table>") && html.contains("<th>a</th>") && html.contains("<td align=\"right\">2</td>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://livepeer.org\">https://livepeer.org</a>"), html)
    }

    func testRawHTMLScriptsAndHandlersAreShownAsTextNeverRun() {
        let html = render("<script>alert(1)</script>\n\nText <img src=x onerror=\"alert(2)\"> and <b onclick=\"x()\">bold</b>.\n")
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<img src=x"), html)
        XCTAssertFalse(html.contains("<b onclick"), html)
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html)
        XCTAssertTrue(html.contains("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;"), html)
    }

    func testLinksKeepOnlyWebMailAndRelativeTargets() {
        let html = render(
            "[js](javascript:alert(1)) [data](data:text/html,x) [web](https://example.org/a) [mail](mailto:x@example.org) [lip](LIP-7.md#motivation) [asset](../assets/lip-25/governor.png) [gone](../assets/missing.png) [up](../../etc/passwd)\n"
        )
        XCTAssertFalse(html.contains("javascript:") || html.contains("data:text"), html)
        XCTAssertTrue(html.contains(">js<") == false && html.contains("js "), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/a\">web</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"mailto:x@example.org\">mail</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"LIP-7.html#motivation\">lip</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"../assets/lip-25/governor.png\">asset</a>"), html)
        XCTAssertTrue(html.contains(" gone ") && html.contains(" up"), html)
        XCTAssertEqual(policy.rewrite("../assets/lip-25/governor.png", isImage: true).carried, "assets/lip-25/governor.png")
    }

    func testAnImageFromAnotherHostIsALinkAndALocalOneIsCarried() {
        let html = render("![diagram](https://example.org/d.png) ![governor](../assets/lip-25/governor.png)\n")
        XCTAssertFalse(html.contains("<img src=\"https://"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/d.png\">diagram</a>"), html)
        XCTAssertTrue(html.contains("<img src=\"../assets/lip-25/governor.png\" alt=\"governor\" />"), html)
    }

    func testTheSameMarkdownGivesTheSameBytes() {
        let text = "# Title\n\n| x |\n| - |\n| <b>y</b> |\n"
        XCTAssertEqual(render(text), render(text))
    }
}
