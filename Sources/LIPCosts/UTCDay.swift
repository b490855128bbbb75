import Foundation
import LIPCore

/// Calendar dates and Unix seconds in UTC, by the proleptic Gregorian calendar (`CalendarDate`'s),
/// in integer arithmetic (no time zone database, no Foundation calendar): a cost window's edges.
package enum UTCDay {
    /// Days from 1970-01-01 to `date`.
    package static func days(_ date: CalendarDate) -> Int64 { date.daysSinceEpoch }

    /// Unix seconds of `date` at 00:00:00 UTC.
    package static func start(of date: CalendarDate) -> Int64 { date.unixStart }

    /// The UTC date of Unix second `seconds`.
    package static func date(ofUnixSeconds seconds: Int64) -> CalendarDate { CalendarDate(unixSeconds: seconds) }

    /// Days from 1970-01-01 to the UTC date of Unix second `seconds`.
    package static func days(ofUnixSeconds seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    /// The date `days` days after 1970-01-01.
    package static func date(ofDays days: Int64) -> CalendarDate { CalendarDate(daysSinceEpoch: days) }
}
