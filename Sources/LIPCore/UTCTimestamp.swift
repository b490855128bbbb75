import Foundation

/// A moment in Unix seconds written in UTC, by the proleptic Gregorian calendar's integer
/// arithmetic (`CalendarDate`): no clock, no locale, the same text everywhere.
public enum UTCTimestamp {
    /// `2026-12-06T13:45:00Z`.
    public static func iso(_ seconds: Int) -> String {
        let (date, h, m, s) = parts(seconds)
        return "\(date)T\(two(h)):\(two(m)):\(two(s))Z"
    }

    /// `20261206T134500Z` (RFC 5545's DATE-TIME in UTC).
    public static func basic(_ seconds: Int) -> String {
        let (date, h, m, s) = parts(seconds)
        return String(describing: date).replacingOccurrences(of: "-", with: "") + "T\(two(h))\(two(m))\(two(s))Z"
    }

    private static func parts(_ seconds: Int) -> (CalendarDate, Int, Int, Int) {
        let date = CalendarDate(unixSeconds: Int64(seconds))
        let inDay = Int(Int64(seconds) - date.unixStart)
        return (date, inDay / 3600, inDay % 3600 / 60, inDay % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
