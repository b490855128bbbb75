import Foundation
import LIPCore

/// Calendar dates and Unix seconds in UTC, by the proleptic Gregorian calendar, in integer
/// arithmetic (no time zone database, no Foundation calendar): a cost window's edges.
package enum UTCDay {
    /// Days from 1970-01-01 to `date`.
    package static func days(_ date: CalendarDate) -> Int64 {
        // Howard Hinnant's days_from_civil.
        let y = Int64(date.month <= 2 ? date.year - 1 : date.year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(date.month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(date.day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Unix seconds of `date` at 00:00:00 UTC.
    package static func start(of date: CalendarDate) -> Int64 { days(date) * 86_400 }

    /// The UTC date of Unix second `seconds`.
    package static func date(ofUnixSeconds seconds: Int64) -> CalendarDate { date(ofDays: days(ofUnixSeconds: seconds)) }

    /// Days from 1970-01-01 to the UTC date of Unix second `seconds`.
    package static func days(ofUnixSeconds seconds: Int64) -> Int64 { seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400 }

    /// The date `days` days after 1970-01-01.
    package static func date(ofDays days: Int64) -> CalendarDate {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = Int(doy - (153 * mp + 2) / 5 + 1)
        let month = Int(mp < 10 ? mp + 3 : mp - 9)
        let year = Int(yoe + era * 400) + (month <= 2 ? 1 : 0)
        return CalendarDate(year: year, month: month, day: day)!
    }
}
