/// Pretty JSON text written member by member, laid out exactly as `JSONValue.serialized()` lays
/// out the same value: for the elements of a list of a hundred thousand, written straight as bytes
/// without a value made for each (`JSONValue.elements`'s `text`).
public struct JSONText {
    /// What is written so far.
    public private(set) var bytes: [UInt8] = []
    /// The indent level of what is written next.
    private var level: Int
    /// The members (or elements) written so far in each open object (or array).
    private var written: [Int] = []

    /// Text whose lines are at indent level `level`.
    public init(level: Int) {
        self.level = level
        bytes.reserveCapacity(1 << 16)
    }

    /// `{`: members follow.
    public mutating func beginObject() { begin(0x7B) }
    /// `}`, on its own line unless the object is empty.
    public mutating func endObject() { end(0x7D) }
    /// `[`: elements follow.
    public mutating func beginArray() { begin(0x5B) }
    /// `]`, on its own line unless the array is empty.
    public mutating func endArray() { end(0x5D) }

    /// The next member's key: a separator, a new line, `"key": `.
    public mutating func key(_ key: StaticString) {
        next()
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes += "\": ".utf8
    }

    /// The next element of the open array.
    public mutating func element() { next() }

    /// The start of an element of a list whose brackets and earlier elements are written elsewhere
    /// (a chunk of a long list): a separator unless it is the list's first, and a new line.
    public mutating func listElement(first: Bool) {
        if !first { bytes.append(0x2C) }
        newline()
    }

    /// A string, quoted as `JSONValue.string` quotes it.
    public mutating func string(_ s: String) { bytes += JSONValue.quote(s).utf8 }

    /// A string whose bytes `write` appends and that need no escape (digits, hex).
    public mutating func plainString(_ write: (inout [UInt8]) -> Void) {
        bytes.append(0x22)
        write(&bytes)
        bytes.append(0x22)
    }

    /// `true` or `false`.
    public mutating func bool(_ b: Bool) { bytes += (b ? "true" : "false").utf8 }

    private mutating func begin(_ bracket: UInt8) {
        bytes.append(bracket)
        written.append(0)
        level += 1
    }

    private mutating func end(_ bracket: UInt8) {
        level -= 1
        if written.removeLast() > 0 { newline() }
        bytes.append(bracket)
    }

    private mutating func next() {
        let n = written[written.count - 1]
        if n > 0 { bytes.append(0x2C) }
        written[written.count - 1] = n + 1
        newline()
    }

    private mutating func newline() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }
}
