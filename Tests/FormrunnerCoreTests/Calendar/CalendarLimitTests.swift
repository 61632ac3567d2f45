import Foundation
import Testing
@testable import FormrunnerCore

@Suite("Calendar: no working time, huge amounts and year skipping")
struct CalendarLimitTests {
    @Test("A calendar without working time")
    func noWorkingTime() {
        for weeklyHours in [[:], [Weekday.monday: []], [.monday: [WorkingInterval(start: 600, end: 600)]],
                            [.friday: [WorkingInterval(start: 1440, end: 1500)]]] as [[Weekday: [WorkingInterval]]] {
            let calendar = BusinessCalendar(id: "closed", timeZone: zone("UTC"), weeklyHours: weeklyHours, holidays: [])
            #expect(!calendar.hasWorkingTime)
            #expect(calendar.adding(workingSeconds: 1, to: instant("2026-03-06T12:00:00Z")) == nil)
            #expect(calendar.adding(workingSeconds: 0, to: instant("2026-03-06T12:00:00Z")) == instant("2026-03-06T12:00:00Z"))
            #expect(calendar.workingSeconds(from: instant("2026-01-01T00:00:00Z"), to: instant("2027-01-01T00:00:00Z")) == 0)
            #expect(!calendar.isWorkingTime(instant("2026-03-09T12:00:00Z")))
        }
        #expect(brazil.hasWorkingTime)
    }

    /// Every day of every year a holiday.
    static let everyDayHolidays: [HolidayRule] = (1...12).flatMap { month in
        (1...LocalDate.daysIn(month: month, year: 2024)).map { HolidayRule(kind: .annual(month: month, day: $0), name: "\(month)/\($0)") }
    }

    // The time limit guards against a hang (a loop over every day until the end of time), not speed.
    @Test("Holidays every day: nil, promptly", .timeLimit(.minutes(1)))
    func everyDayAHoliday() {
        let calendar = BusinessCalendar(id: "closed", timeZone: zone("America/Sao_Paulo"),
                                        weeklyHours: weekdays([hours("09:00-18:00")]), holidays: Self.everyDayHolidays)
        #expect(calendar.hasWorkingTime)
        do {
            #expect(calendar.adding(workingSeconds: 1, to: instant("2026-03-06T12:00:00-03:00")) == nil)
            #expect(calendar.adding(workingSeconds: 1_000_000 * hour, to: instant("2026-03-06T12:00:00-03:00")) == nil)
            #expect(calendar.workingSeconds(from: instant("2026-01-01T00:00:00Z"), to: instant("2526-01-01T00:00:00Z")) == 0)
        }
    }

    @Test("Holidays every day until 2030: work resumes in 2031")
    func holidaysUntil() {
        let rules = Self.everyDayHolidays.map { rule in
            var limited = rule
            limited.untilYear = 2030
            return limited
        }
        let calendar = BusinessCalendar(id: "sabbatical", timeZone: zone("America/Sao_Paulo"),
                                        weeklyHours: weekdays([hours("09:00-18:00")]), holidays: rules)
        // 2031-01-01 is a Wednesday.
        #expect(calendar.adding(workingSeconds: hour, to: instant("2026-03-06T12:00:00-03:00"))
                == instant("2031-01-01T10:00:00-03:00"))
    }

    @Test("Huge amounts return nil without overflowing", .timeLimit(.minutes(1)))
    func huge() {
        let start = instant("2026-03-06T12:00:00-03:00")
        do {
            #expect(brazil.adding(workingSeconds: .max, to: start) == nil)
            #expect(brazil.adding(workingSeconds: Int64.max / 2, to: start) == nil)
            // About 3,400 years of 45-hour weeks fit before 9999 … but 8,000 do not.
            #expect(brazil.adding(workingSeconds: 8_000 * 52 * 45 * hour, to: start) == nil)
            #expect(brazil.adding(workingSeconds: 3_000 * 52 * 45 * hour, to: start) != nil)
            #expect(brazil.adding(workingSeconds: hour, to: Date(timeIntervalSince1970: 4e11)) == nil)  // year 14645
            #expect(brazil.adding(workingSeconds: 100 * 365 * 86_400, to: instant("9950-01-01T00:00:00Z")) == nil)
            #expect(brazil.adding(workingSeconds: hour, to: Date(timeIntervalSinceReferenceDate: .infinity)) == nil)
            #expect(brazil.workingSeconds(from: .distantPast, to: .distantFuture) > 0)
        }
    }

    @Test("Whole years skipped arithmetically agree with walking day by day", arguments: [
        "America/Sao_Paulo", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
    ])
    func yearSkipping(identifier: String) {
        let calendar = BusinessCalendar(
            id: "long", timeZone: zone(identifier),
            weeklyHours: [.monday: [hours("00:00-03:30"), hours("09:00-18:00")], .tuesday: [hours("01:00-04:00")],
                          .saturday: [hours("00:00-24:00")], .sunday: [hours("01:30-03:00"), hours("22:00-24:00")]],
            holidays: brazilHolidays)
        var generator = SeededGenerator(seed: 1234)
        let base = instant("1990-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<40 {
            let start = Date(timeIntervalSince1970: base + Double(Int64.random(in: 0..<(40 * 365 * 86_400), using: &generator)))
            let amount = Int64.random(in: (500 * hour)...(40_000 * hour), using: &generator)
            guard let due = calendar.adding(workingSeconds: amount, to: start) else {
                Issue.record("no result"); continue
            }
            #expect(calendar.workingSeconds(from: start, to: due) == amount)
            // Summing day by day (each call spans less than a year, so nothing is skipped).
            var total: Int64 = 0
            var cursor = start
            while cursor < due {
                let next = min(cursor.addingTimeInterval(200 * 86_400), due)
                total += calendar.workingSeconds(from: cursor, to: next)
                cursor = next
            }
            #expect(total == amount)
            // Adding in small steps reaches the same instant.
            var stepped: Date? = start
            var left = amount
            while left > 0, let current = stepped {
                let step = min(left, 300 * hour)
                stepped = calendar.adding(workingSeconds: step, to: current)
                left -= step
            }
            #expect(stepped == due)
        }
    }
}
