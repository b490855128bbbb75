import CCmarkGFM
import Foundation

/// Markdown to HTML as GitHub renders a LIP (cmark-gfm with tables, autolinks and
/// strikethrough), made safe for a static site: raw HTML in the text is shown as text (an HTML
/// block as a code block, inline HTML as its characters), never passed through; every link and
/// image target goes through `rewrite`, which keeps it, changes it, shows it as text, or turns an
/// image into a link to it (an image from another host is never loaded).
public enum MarkdownHTML {
    /// What a link's or an image's target becomes.
    public enum Rewrite: Equatable, Sendable {
        /// A link (or image) to this target.
        case target(String)
        /// No link: its text stays (an image: its alt text).
        case text
        /// An image shown as a link to this target, with its alt text.
        case link(String)
    }

    /// The HTML of `markdown`; `rewrite(target, isImage)` decides each link's and image's target.
    public static func render(_ markdown: String, rewrite: (String, Bool) -> Rewrite) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "autolink", "strikethrough"] {
            if let extensionSyntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionSyntax) }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        // The nodes to change, gathered first: the tree is changed after the walk.
        var changes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator), cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_LINK, CMARK_NODE_IMAGE: changes.append(node)
                default: break
                }
            }
            cmark_iter_free(iterator)
        }
        for node in changes { change(node, rewrite: rewrite) }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Changes one node as the type says.
    private static func change(_ node: OpaquePointer, rewrite: (String, Bool) -> Rewrite) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HTML_BLOCK:
            // Shown as text: a code block of the same characters.
            guard let block = cmark_node_new(CMARK_NODE_CODE_BLOCK) else { return }
            cmark_node_set_literal(block, literal)
            cmark_node_replace(node, block)
            cmark_node_free(node)
        case CMARK_NODE_HTML_INLINE:
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
            cmark_node_set_literal(text, literal)
            cmark_node_replace(node, text)
            cmark_node_free(node)
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            switch rewrite(url, isImage) {
            case .target(let target): cmark_node_set_url(node, target)
            case .text: unwrap(node)
            case .link(let target):
                guard isImage, let link = cmark_node_new(CMARK_NODE_LINK) else {
                    cmark_node_set_url(node, target)
                    return
                }
                cmark_node_set_url(link, target)
                while let child = cmark_node_first_child(node) { cmark_node_append_child(link, child) }
                if cmark_node_first_child(link) == nil, let text = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(text, target)
                    cmark_node_append_child(link, text)
                }
                cmark_node_replace(node, link)
                cmark_node_free(node)
            }
        default: break
        }
    }

    /// Replaces a link or image by its children (its text).
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) { cmark_node_insert_before(node, child) }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
