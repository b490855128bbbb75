import Foundation

/// A calendar date without time or zone, written `YYYY-MM-DD` (ISO 8601), in the proleptic
/// Gregorian calendar everywhere (ISO 8601's, with no switch to the Julian calendar before 1582:
/// Foundation's calendar makes that switch, so none of its arithmetic is used here).
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// Parses `YYYY-MM-DD`; nil unless it is exactly that form and a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// A date from its parts; nil when it is not a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Today in UTC, or `$LIP_TODAY` (YYYY-MM-DD) when set, so runs and tests are reproducible.
    /// A `LIP_TODAY` that is not a real date is an error, never a silent fall back to the clock.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CalendarDate {
        if let fixed = environment["LIP_TODAY"], !fixed.isEmpty {
            guard let date = CalendarDate(fixed) else { throw LIPError.usage("LIP_TODAY `\(fixed)` is not a real YYYY-MM-DD date; set it to one, or unset it to use the clock") }
            return date
        }
        return CalendarDate(unixSeconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// The date `days` later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(daysSinceEpoch: daysSinceEpoch + Int64(days)) }

    /// Days from 1970-01-01 to this date (negative before it).
    public var daysSinceEpoch: Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Unix seconds of this date at 00:00:00 UTC.
    public var unixStart: Int64 { daysSinceEpoch * 86_400 }

    /// The UTC date of Unix second `seconds`.
    public init(unixSeconds seconds: Int64) { self.init(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400) }

    /// The date `days` days after 1970-01-01 (Hinnant's civil_from_days).
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
