import Foundation
import FormrunnerCore
import Testing

/// SLA due instants checked against an independent computation: a minute-by-minute walk that
/// knows the working week, the holidays and the pauses by heart, on the desk's Brazilian calendar
/// and on a calendar in a zone with daylight-saving time.
@Suite("SLA arithmetic")
struct SLAArithmeticTests {
    /// The desk's calendar, from the repository's catalog.
    static let brazil: BusinessCalendar = {
        CatalogLoader(root: Fixtures.repository).load().catalog.calendars["brazil-support"]!.calendar
    }()

    /// Brazilian national holidays of 2026 and 2027, written out by hand (Easter: 2026-04-05, 2027-03-28).
    static let brazilianHolidays: Set<String> = [
        "2026-01-01", "2026-02-16", "2026-02-17", "2026-04-03", "2026-04-21", "2026-05-01", "2026-06-04", "2026-09-07",
        "2026-10-12", "2026-11-02", "2026-11-15", "2026-11-20", "2026-12-25",
        "2027-01-01", "2027-02-08", "2027-02-09", "2027-03-26", "2027-04-21", "2027-05-01", "2027-05-27", "2027-09-07",
        "2027-10-12", "2027-11-02", "2027-11-15", "2027-11-20", "2027-12-25",
    ]

    /// Monday–Friday 09:00–18:00 in New York, which has daylight-saving time.
    static let newYork = BusinessCalendar(
        id: "new-york", timeZone: TimeZone(identifier: "America/New_York")!,
        weeklyHours: Dictionary(uniqueKeysWithValues: [Weekday.monday, .tuesday, .wednesday, .thursday, .friday].map {
            ($0, [WorkingInterval(start: 540, end: 1080)])
        }), holidays: [])

    /// The instant at which `minutes` working minutes have passed since `start`, walking minute by
    /// minute: a minute counts when its local wall-clock time (by the zone's UTC offset) is on a
    /// weekday, 09:00–18:00, not a holiday, and not inside a pause.
    static func walk(_ minutes: Int, from start: Date, pauses: [SLAClock.Pause], zone: TimeZone, holidays: Set<String>) -> Date {
        var counted = 0
        var instant = start
        while counted < minutes {
            let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
            let dayNumber = Int((local / 86_400).rounded(.down))
            let minuteOfDay = Int(local - Double(dayNumber) * 86_400) / 60
            let weekday = ((dayNumber % 7) + 7 + 3) % 7   // 1970-01-01 was a Thursday: 0 = Monday
            let paused = pauses.contains { instant >= $0.from && instant < ($0.to ?? .distantFuture) }
            if weekday < 5, (540..<1080).contains(minuteOfDay), !holidays.contains(day(dayNumber)), !paused {
                counted += 1
            }
            instant = instant.addingTimeInterval(60)
        }
        return instant
    }

    static func day(_ number: Int) -> String {
        let date = Date(timeIntervalSince1970: Double(number) * 86_400)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// A small deterministic generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("due instants over weekends, Brazilian holidays and pauses match the minute-by-minute walk",
          arguments: [(2026, 1), (2026, 11), (2027, 1)])
    func brazilianDesk(year: Int, month: Int) throws {
        var random = SplitMix(state: UInt64(year * 100 + month))
        let arithmetic = SLAArithmetic(calendar: Self.brazil)
        let base = try #require(DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                               year: year, month: month, day: 1).date)
        for _ in 0..<60 {
            let start = base.addingTimeInterval(Double(Int.random(in: 0..<(75 * 1440), using: &random)) * 60)
            let target = Int.random(in: 1...(24 * 60), using: &random)
            var pauses: [SLAClock.Pause] = []
            var cursor = start
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let from = cursor.addingTimeInterval(Double(Int.random(in: 0...(3 * 1440), using: &random)) * 60)
                let to = from.addingTimeInterval(Double(Int.random(in: 1...(2 * 1440), using: &random)) * 60)
                pauses.append(SLAClock.Pause(from: from, to: to))
                cursor = to
            }
            let expected = Self.walk(target, from: start, pauses: pauses, zone: Self.brazil.timeZone, holidays: Self.brazilianHolidays)
            let due = arithmetic.instant(after: Int64(target) * 60, from: start, pauses: pauses)
            #expect(due == expected, "start \(start), \(target) min, pauses \(pauses)")
        }
    }

    @Test("due instants across the daylight-saving changes of New York match the walk")
    func daylightSaving() throws {
        var random = SplitMix(state: 7)
        let arithmetic = SLAArithmetic(calendar: Self.newYork)
        for anchor in ["2026-03-06T20:00:00Z", "2026-10-30T20:00:00Z"] {
            let base = try #require(ISO8601DateFormatter().date(from: anchor))
            for _ in 0..<40 {
                let start = base.addingTimeInterval(Double(Int.random(in: 0..<(5 * 1440), using: &random)) * 60)
                let target = Int.random(in: 1...(20 * 60), using: &random)
                let expected = Self.walk(target, from: start, pauses: [], zone: Self.newYork.timeZone, holidays: [])
                #expect(arithmetic.instant(after: Int64(target) * 60, from: start, pauses: []) == expected)
            }
        }
    }

    @Test("a clock paused and not yet resumed has no due instant, unless it ran out before the pause")
    func openPause() throws {
        let arithmetic = SLAArithmetic(calendar: Self.brazil)
        let start = try #require(ISO8601DateFormatter().date(from: "2026-12-07T12:00:00Z"))   // Monday 09:00
        let pause = SLAClock.Pause(from: start.addingTimeInterval(3600))
        #expect(arithmetic.instant(after: 7200, from: start, pauses: [pause]) == nil)
        #expect(arithmetic.instant(after: 1800, from: start, pauses: [pause]) == start.addingTimeInterval(1800))
        #expect(arithmetic.counted(from: start, until: start.addingTimeInterval(7200), pauses: [pause]) == 3600)
    }
}
