import BigInt
import Foundation
import LIPCore

/// ETH/USD by day, from the user's CSV `date,usd` (`YYYY-MM-DD`, a decimal with at most 8
/// decimals). `lip` fetches no prices itself.
public struct ETHPrices: Sendable {
    /// One day's price: as written in the file (for the digest) and in units of 10^-8 USD.
    public struct Price: Sendable, Equatable {
        /// The text of the file's cell.
        public var text: String
        /// USD × 10^8.
        public var units: BigUInt
    }

    /// The file as given.
    public let path: String
    /// Each day's price.
    public let prices: [CalendarDate: Price]

    /// Creates prices (for tests and callers that have them in hand).
    public init(path: String, prices: [CalendarDate: Price]) {
        self.path = path
        self.prices = prices
    }

    /// Reads `url` (named `path` in messages): a bad date or price, or a date given twice, is an
    /// error naming the line.
    public static func load(_ url: URL, path: String) throws -> ETHPrices {
        var reader = try CSVReader(url: url, path: path)
        let columns = try reader.header(expected: ["date", "usd"])
        var prices: [CalendarDate: Price] = [:]
        var lines: [CalendarDate: Int] = [:]
        while let v = try reader.record(columns: columns) {
            let line = reader.line
            func fail(_ m: String) -> LIPError { LIPError.invalidInput(file: path, location: "\(line)", message: m) }
            guard let date = CalendarDate(v("date")) else { throw fail("date `\(v("date"))` is not a real YYYY-MM-DD date") }
            guard let units = units(v("usd")) else { throw fail("usd `\(v("usd"))` is not a non-negative decimal with at most 8 decimals") }
            if let first = lines[date] { throw fail("\(date) appears twice (first on line \(first))") }
            lines[date] = line
            prices[date] = Price(text: v("usd"), units: units)
        }
        return ETHPrices(path: path, prices: prices)
    }

    /// USD × 10^8 of a decimal text (`1234.5`, `0.00000001`), nil when it is not one.
    static func units(_ text: String) -> BigUInt? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.utf8.allSatisfy({ (0x30...0x39).contains($0) }), whole.utf8.count <= 30 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard parts.count == 1 || !fraction.isEmpty, fraction.utf8.count <= 8, fraction.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return BigUInt(String(whole))! * BigUInt(100_000_000) + BigUInt(String(fraction.padding(toLength: 8, withPad: "0", startingAt: 0)))!
    }
}
