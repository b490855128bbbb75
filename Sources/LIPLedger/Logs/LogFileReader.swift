import Crypto
import Foundation
import LIPEthereum
import LIPCore

/// Reads and checks a logs file on a thread of its own while the import writes what it has
/// read: parsing the JSON and checking every field takes as long as SQLite's inserts, and the
/// two then run on two cores. Logs come in file order, in batches; the first problem in the file
/// ends the stream, and `cancel()` stops the reader when the import stops first.
final class LogFileReader: @unchecked Sendable {
    /// One element of the file, read and checked.
    enum Item {
        /// A log, with its position in the file.
        case log(RawLog, index: Int)
        /// A log the node marked `removed`.
        case removed
    }

    /// What the reader hands over.
    private enum Delivery {
        case batch([Item])
        case failure(Error)
        case end(sha256: String)
    }

    private let condition = NSCondition()
    private var queue: [Delivery] = []
    private var cancelled = false
    private var finished = false

    /// How many logs go in a batch, and how many may wait.
    private let chunking: LogChunking

    /// Starts reading `url` (named `path` in messages).
    init(url: URL, path: String, chunking: LogChunking = .standard) throws {
        self.chunking = chunking
        var stream: JSONArrayStream
        do { stream = try JSONArrayStream(url: url) } catch { throw LIPError.unreadable(path: path, reason: FileProblem.describe(error, at: url)) }
        let box = StreamBox(stream)
        let thread = Thread { [self, box] in self.run(&box.stream, path: path) }
        thread.stackSize = 1 << 22
        thread.start()
    }

    /// The stream, handed to the reader thread once.
    private final class StreamBox: @unchecked Sendable {
        var stream: JSONArrayStream
        init(_ stream: JSONArrayStream) { self.stream = stream }
    }

    /// The next batch of items; nil at the end of the file, which `sha256` then digests.
    func next() throws -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let delivery = queue.removeFirst()
        condition.signal()
        switch delivery {
        case .batch(let items): return items
        case .failure(let error): throw error
        case .end(let digest):
            sha256 = digest
            return nil
        }
    }

    /// SHA-256 of the file's bytes, hex, once `next()` returned nil.
    private(set) var sha256 = ""

    /// Stops the reader (when the import fails first) and waits for it.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    /// Hands `delivery` over, waiting while a chunk's logs are waiting already (the reader reads
    /// the next chunk while the writer writes one); false when cancelled.
    private func deliver(_ delivery: Delivery) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count * chunking.batch >= chunking.chunk && !cancelled { condition.wait() }
        if cancelled { return false }
        queue.append(delivery)
        condition.broadcast()
        return true
    }

    private func run(_ stream: inout JSONArrayStream, path: String) {
        defer {
            condition.lock()
            finished = true
            condition.broadcast()
            condition.unlock()
        }
        var hasher = SHA256()
        stream.onChunk = { hasher.update(data: $0) }
        var batch: [Item] = []
        batch.reserveCapacity(chunking.batch)
        var i = 0
        do {
            while let element = try Self.element(&stream, index: i, path: path) {
                defer { i += 1 }
                switch element.withUnsafeBufferPointer(LogScanner.scan) {
                case .log(let raw)?: batch.append(.log(raw, index: i))
                case .removed?: batch.append(.removed)
                case nil:
                    // Not the usual shape: the general reader, which names any problem.
                    let log = LogJSON(element: Array(element))
                    guard log.isObject else { throw LIPError.invalidInput(file: path, location: "log \(i)", message: "not a JSON object") }
                    batch.append(log.removed == true ? .removed : .log(try RawLog(log, index: i, path: path), index: i))
                }
                if batch.count == chunking.batch {
                    guard deliver(.batch(batch)) else { return }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            try stream.drain()
            if !batch.isEmpty { guard deliver(.batch(batch)) else { return } }
            _ = deliver(.end(sha256: Hex.encode(Array(hasher.finalize()))))
        } catch {
            // The logs before the problem first, then the problem.
            if !batch.isEmpty { guard deliver(.batch(batch)) else { return } }
            _ = deliver(.failure(error))
        }
    }

    /// The next element of the array, with the stream's problems in words.
    private static func element(_ stream: inout JSONArrayStream, index i: Int, path: String) throws -> ArraySlice<UInt8>? {
        do { return try stream.nextBytes() } catch let problem as JSONArrayStream.Problem {
            switch problem {
            case .truncated(let n):
                throw LIPError.invalidInput(file: path, location: n == 0 && i == 0 ? "" : "log \(n)", message: "the file ends inside this log (is it truncated?)")
            case .invalid(let n): throw LIPError.invalidInput(file: path, location: "log \(n)", message: "not valid JSON here")
            case .noArray(let error?):
                let e = try? JSONDecoder().decode(JSONRPCErrorObject.self, from: error)
                throw LIPError.invalidInput(file: path, location: "", message: "a JSON-RPC error, not logs: \(e?.code.map { "code \($0): " } ?? "")\(e?.message ?? "")")
            case .noArray(nil):
                throw LIPError.invalidInput(file: path, location: "", message: "expected a JSON array of logs or a JSON-RPC response with `result`")
            }
        }
    }
}
