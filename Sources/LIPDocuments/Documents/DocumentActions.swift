import Foundation
import LIPCore

/// Workspace-level document operations: init, new, assign, index.
public enum DocumentActions {
    /// Makes a slug from a title: lowercase ASCII letters and digits joined by single dashes.
    public static func slug(fromTitle title: String) -> String {
        var out = ""
        for scalar in title.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) { out.unicodeScalars.append(scalar) } else if !out.hasSuffix("-") { out += "-" }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return String(trimmed.prefix(48)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }

    /// The slug a user typed, with an optional `LIPs/`, `LIP-` and `.md` taken off, checked.
    public static func normalizedSlug(_ typed: String) throws -> String {
        var slug = (typed as NSString).lastPathComponent
        if slug.hasSuffix(".md") { slug = String(slug.dropLast(3)) }
        if slug.hasPrefix("LIP-") { slug = String(slug.dropFirst(4)) }
        guard (typed as NSString).lastPathComponent == typed || typed.hasPrefix("LIPs/") else {
            throw LIPError.usage("`\(typed)`: name the draft by its slug, not by a path outside LIPs/")
        }
        try validate(slug: slug)
        return slug
    }

    /// Checks that a slug names a file inside LIPs/ and is not a number.
    public static func validate(slug: String) throws {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        guard !slug.isEmpty, slug.unicodeScalars.allSatisfy(allowed.contains), !slug.hasPrefix("."), !slug.contains("..") else {
            throw LIPError.usage("slug `\(slug)` is not allowed: use letters, digits, `-`, `_` and `.`, with no `/` or `..` (it must name a file inside LIPs/)")
        }
        guard !slug.allSatisfy(\.isASCIIDigit) else {
            throw LIPError.usage("slug `\(slug)` is a number: numbers are given by `lip assign`")
        }
    }

    /// Creates a new workspace in `directory`; refuses a folder that already has LIPs/ or README.md.
    public static func initWorkspace(at directory: URL) throws -> [String] {
        let fm = FileManager.default
        let workspace = Workspace(root: directory)
        if fm.fileExists(atPath: workspace.lipsDirectory.path) {
            throw LIPError.refused("\(directory.path) is a workspace already (it has LIPs/)")
        }
        if fm.fileExists(atPath: workspace.readme.path) {
            throw LIPError.refused("\(directory.path) has a README.md already; `lip init` will not overwrite it")
        }
        // Into an existing folder, another lip may be writing there: take its lock and look again.
        let lock = try WorkspaceLock(root: directory)
        defer { withExtendedLifetime(lock) {} }
        if fm.fileExists(atPath: workspace.lipsDirectory.path) || fm.fileExists(atPath: workspace.readme.path) {
            throw LIPError.refused("\(directory.path) became a workspace while lip waited for it")
        }
        var t = FileTransaction()
        t.write(LIPTemplate.text, to: directory.appendingPathComponent("Templates/LIP-X.md"))
        t.write("# LIPs\n\nLivepeer Improvement Proposals, managed with `lip`.\n\n## Index\n\n" + TextLines(lines: ReadmeIndex.renderTable(rows: [])).text, to: workspace.readme)
        t.write("", to: workspace.lipsDirectory.appendingPathComponent(".gitkeep"))
        t.write("", to: workspace.pollsDirectory.appendingPathComponent(".gitkeep"))
        let ignore = directory.appendingPathComponent(".gitignore")
        var ignoreText = (try? String(contentsOf: ignore, encoding: .utf8)) ?? ""
        if !ignoreText.split(separator: "\n").contains(where: { $0.trimmingCharacters(in: .whitespaces) == ".lip/" }) {
            if !ignoreText.isEmpty && !ignoreText.hasSuffix("\n") { ignoreText += "\n" }
            ignoreText += ".lip/\n"
            t.write(ignoreText, to: ignore)
        }
        try t.commit(relativeTo: directory)
        return ["LIPs/", "Polls/", "Templates/LIP-X.md", "README.md", ".gitignore"]
    }

    /// Writes a new draft from the template; returns its path relative to the workspace.
    public static func newLIP(_ request: NewLIPRequest, in workspace: Workspace) throws -> String {
        try workspace.locked {
            let slug = request.slug ?? slug(fromTitle: request.title)
            try validate(slug: slug)
            guard !request.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw LIPError.usage("--title is empty") }
            guard !request.title.contains("\n"), !request.author.contains("\n") else { throw LIPError.usage("--title and --author are one line each") }
            let url = workspace.lipsDirectory.appendingPathComponent("LIP-\(slug).md")
            let path = workspace.relativePath(url)
            if FileManager.default.fileExists(atPath: url.path) {
                throw LIPError.refused("\(path) exists already: choose another title or --slug")
            }
            let templateText: String
            if let template = workspace.template {
                guard let text = try? String(contentsOf: template, encoding: .utf8) else {
                    throw LIPError.unreadable(path: workspace.relativePath(template), reason: "not UTF-8 text")
                }
                templateText = text
            } else {
                templateText = LIPTemplate.text
            }
            var doc = LIPDocument(path: path, text: templateText)
            guard let preamble = doc.preamble else {
                throw LIPError.invalidInput(file: workspace.template.map(workspace.relativePath) ?? "template", location: "1", message: "the template has no preamble")
            }
            // Drop the template's optional placeholders (`requires (*optional): ...`); set what was given.
            for field in preamble.fields.reversed() where field.key.contains("(") {
                var lines = doc.lines.lines
                lines.remove(at: field.lineIndex)
                doc = LIPDocument(path: path, text: TextLines(lines: lines).text)
            }
            doc = try doc.setting("lip", to: "<to be assigned>")
            doc = try doc.setting("title", to: request.title)
            doc = try doc.setting("author", to: request.author)
            doc = try doc.setting("type", to: request.type.rawValue)
            doc = try doc.setting("status", to: LIPStatus.draft.rawValue)
            doc = try doc.setting("created", to: request.created.description)
            if let url = request.discussionsTo { doc = try doc.setting("discussions-to", to: url) }
            if !request.requires.isEmpty { doc = try doc.setting("requires", to: request.requires.map(String.init).joined(separator: ", ")) }
            if let parent = request.partOf { doc = try doc.setting("part-of", to: String(parent)) }
            var t = FileTransaction()
            t.write(doc.text, to: url)
            try t.commit(relativeTo: workspace.root)
            return path
        }
    }

    /// Gives a draft its number: sets `lip:`, renames the file and adds the index row, all or nothing.
    /// Returns the number and the new path.
    public static func assign(slug rawSlug: String, number requested: Int?, in workspace: Workspace) throws -> (number: Int, path: String) {
        try workspace.locked {
            let slug = try normalizedSlug(rawSlug)
            let source = workspace.lipsDirectory.appendingPathComponent("LIP-\(slug).md")
            guard FileManager.default.fileExists(atPath: source.path) else {
                throw LIPError.usage(
                    "no draft LIPs/LIP-\(slug).md (drafts: "
                        + ((try? workspace.lipFiles().filter { LIPDocument.number(fromFileName: $0.lastPathComponent) == nil }.map(\.lastPathComponent).joined(separator: ", "))
                            ?? "")
                        + ")")
            }
            let readme = try workspace.readmeIndex()
            var taken = Set(try workspace.lipFiles().compactMap { LIPDocument.number(fromFileName: $0.lastPathComponent) })
            taken.formUnion(readme?.rows.compactMap(\.number) ?? [])
            // The number after the highest taken; refused when there is none (a file named near Int.max).
            func next() throws -> Int {
                let highest = taken.max() ?? 0
                let (following, overflow) = highest.addingReportingOverflow(1)
                guard !overflow else { throw LIPError.refused("no LIP number follows LIP-\(highest): give one with --number N") }
                return following
            }
            let number: Int
            if let requested {
                guard requested > 0 else { throw LIPError.usage("--number must be positive") }
                if taken.contains(requested) {
                    throw LIPError.refused("LIP-\(requested) is taken (a file or an index row has it)" + ((try? next()).map { "; the next free number is \($0)" } ?? ""))
                }
                number = requested
            } else {
                number = try next()
            }
            let document = try LIPDocument.load(source, path: workspace.relativePath(source))
            guard document.preamble != nil else {
                throw LIPError.invalidInput(file: document.path, location: "1", message: "no preamble; run `lip lint \(document.path)`")
            }
            let target = workspace.fileURL(lip: number)
            let updated = try document.setting("lip", to: String(number)).moved(to: workspace.relativePath(target))
            var t = FileTransaction()
            t.write(updated.text, to: target)
            let entry = (number: number, title: updated.title ?? "", status: updated.status?.rawValue ?? "Draft")
            t.write(IndexWriter.updatingRows(readme, entries: [entry]), to: workspace.readme)
            t.remove(source)
            try t.commit(relativeTo: workspace.root)
            return (number, updated.path)
        }
    }
}
