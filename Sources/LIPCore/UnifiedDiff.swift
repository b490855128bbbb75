import Foundation

/// A unified diff (as `diff -u` prints it) between two texts, for `--dry-run`.
package enum UnifiedDiff {
    /// The diff of `old` and `new` under the name `path`; empty when they are equal.
    /// A nil side is a file that does not exist.
    package static func make(old: String?, new: String?, path: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = old.map { TextLines($0).lines.map(render) } ?? []
        let b = new.map { TextLines($0).lines.map(render) } ?? []
        let ops = diff(a, b)
        var out = "--- \(old == nil ? "/dev/null" : "a/" + path)\n+++ \(new == nil ? "/dev/null" : "b/" + path)\n"
        // Group changes into hunks with `context` lines around them, merging hunks that touch.
        var hunks: [Range<Int>] = []
        for c in ops.indices where ops[c].kind != .same {
            let r = max(0, c - context)..<min(ops.count, c + context + 1)
            if let last = hunks.last, r.lowerBound <= last.upperBound {
                hunks[hunks.count - 1] = last.lowerBound..<r.upperBound
            } else {
                hunks.append(r)
            }
        }
        for r in hunks {
            let hunk = ops[r]
            let oldStart = hunk.first!.oldIndex, newStart = hunk.first!.newIndex
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                switch op.kind {
                case .same: out += " " + op.text + "\n"
                case .delete: out += "-" + op.text + "\n"
                case .insert: out += "+" + op.text + "\n"
                }
            }
        }
        return out
    }

    private static func render(_ line: TextLine) -> String {
        line.content + (line.terminator == "\r\n" ? "\\r" : "")
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : (count == 1 ? "\(start + 1)" : "\(start + 1),\(count)")
    }

    enum Kind { case same, delete, insert }
    struct Op { var kind: Kind; var text: String; var oldIndex: Int; var newIndex: Int }

    /// The line operations turning `a` into `b`, from the standard library's `CollectionDifference`
    /// (a shortest edit script); at each place the removed lines come before the inserted ones.
    static func diff(_ a: [String], _ b: [String]) -> [Op] {
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in b.difference(from: a) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                ops.append(Op(kind: .delete, text: a[i], oldIndex: i, newIndex: j))
                i += 1
            } else if j < b.count, inserted.contains(j) {
                ops.append(Op(kind: .insert, text: b[j], oldIndex: i, newIndex: j))
                j += 1
            } else {
                ops.append(Op(kind: .same, text: a[i], oldIndex: i, newIndex: j))
                i += 1
                j += 1
            }
        }
        return ops
    }
}
