import Foundation

/// A unified diff (as `diff -u` prints it) between two texts, for `--dry-run`.
public enum UnifiedDiff {
    /// The diff of `old` and `new` under the name `path`; empty when they are equal.
    /// A nil side is a file that does not exist.
    public static func make(old: String?, new: String?, path: String, context: Int = 3) -> String {
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

    /// A longest-common-subsequence diff, after trimming the common head and tail.
    static func diff(_ a: [String], _ b: [String]) -> [Op] {
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let x = Array(a[head..<(a.count - tail)]), y = Array(b[head..<(b.count - tail)])
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        if !x.isEmpty && !y.isEmpty {
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var ops: [Op] = []
        for k in 0..<head { ops.append(Op(kind: .same, text: a[k], oldIndex: k, newIndex: k)) }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                ops.append(Op(kind: .same, text: x[i], oldIndex: head + i, newIndex: head + j)); i += 1; j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(Op(kind: .delete, text: x[i], oldIndex: head + i, newIndex: head + j)); i += 1
            } else {
                ops.append(Op(kind: .insert, text: y[j], oldIndex: head + i, newIndex: head + j)); j += 1
            }
        }
        for k in 0..<tail {
            ops.append(Op(kind: .same, text: a[a.count - tail + k], oldIndex: a.count - tail + k, newIndex: b.count - tail + k))
        }
        return ops
    }
}
