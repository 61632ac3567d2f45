import Foundation
import Testing
@testable import FormrunnerCore

@Suite("Calendar: Easter and holiday rules")
struct CalendarEasterAndHolidayTests {
    @Test("Western Easter Sunday of known years", arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2019, "2019-04-21"),
        (2000, "2000-04-23"), (2038, "2038-04-25"), (1818, "1818-03-22"), (2285, "2285-03-22"),
        (1943, "1943-04-25"), (1583, "1583-04-10"),
    ])
    func easter(year: Int, expected: String) {
        #expect(BusinessCalendar.easterSunday(year: year) == day(expected))
    }

    @Test("Easter is always a Sunday between March 22 and April 25")
    func easterRange() {
        for year in 1583...4099 {
            let easter = BusinessCalendar.easterSunday(year: year)
            #expect(easter.weekday == .sunday)
            #expect(easter >= LocalDate(year: year, month: 3, day: 22)!)
            #expect(easter <= LocalDate(year: year, month: 4, day: 25)!)
        }
    }

    @Test("Easter-relative holidays")
    func easterOffsets() {
        let carnival = HolidayRule(kind: .easter(offset: -47), name: "Carnaval")
        let corpus = HolidayRule(kind: .easter(offset: 60), name: "Corpus Christi")
        #expect(carnival.occurrence(in: 2026) == day("2026-02-17"))
        #expect(corpus.occurrence(in: 2026) == day("2026-06-04"))
        #expect(carnival.occurrence(in: 2025) == day("2025-03-04"))
        // Far offsets belong to whichever year they land in.
        let advent = HolidayRule(kind: .easter(offset: -100), name: "far before")
        #expect(advent.occurrence(in: 2026) == day("2026-12-18"))  // Easter 2027 (Mar 28) - 100
        // 2025 holds two: Easter 2025 (Apr 20) - 100 and Easter 2026 (Apr 5) - 100.
        #expect(advent.occurrences(in: 2025) == [day("2025-01-10"), day("2025-12-26")])
        #expect(advent.occurrence(in: 2025) == day("2025-01-10"))
        #expect(advent.falls(on: day("2025-12-26")) && advent.falls(on: day("2025-01-10")))
        #expect(advent.occurrences(in: 2026) == [day("2026-12-18")])
        #expect(advent.falls(on: day("2026-12-18")))
        #expect(HolidayRule(kind: .easter(offset: 400), name: "far").occurrences(in: 2027)
                == [BusinessCalendar.easterSunday(year: 2026).adding(days: 400)])
    }

    @Test("Annual holidays, February 29 and year limits")
    func annual() {
        let leap = HolidayRule(kind: .annual(month: 2, day: 29), name: "leap day")
        #expect(leap.occurrence(in: 2024) == day("2024-02-29"))
        #expect(leap.occurrence(in: 2025) == nil)
        #expect(leap.occurrence(in: 1900) == nil)
        #expect(leap.occurrence(in: 2000) == day("2000-02-29"))
        #expect(HolidayRule(kind: .annual(month: 4, day: 31), name: "never").occurrence(in: 2026) == nil)

        let limited = HolidayRule(kind: .annual(month: 11, day: 20), name: "limited", fromYear: 2024, untilYear: 2030)
        #expect(limited.occurrence(in: 2023) == nil)
        #expect(limited.occurrence(in: 2024) == day("2024-11-20"))
        #expect(limited.occurrence(in: 2030) == day("2030-11-20"))
        #expect(limited.occurrence(in: 2031) == nil)
        #expect(!limited.falls(on: day("2031-11-20")))
        #expect(limited.falls(on: day("2027-11-20")))

        let easterLimited = HolidayRule(kind: .easter(offset: -2), name: "Good Friday", untilYear: 2025)
        #expect(easterLimited.occurrence(in: 2025) == day("2025-04-18"))
        #expect(easterLimited.occurrence(in: 2026) == nil)
    }

    @Test("One-off dates")
    func oneOff() {
        let rule = HolidayRule(kind: .date(day("2026-06-12")), name: "office move", fromYear: 2020)
        #expect(rule.occurrence(in: 2026) == day("2026-06-12"))
        #expect(rule.occurrence(in: 2027) == nil)
        let excluded = HolidayRule(kind: .date(day("2019-06-12")), name: "before from", fromYear: 2020)
        #expect(excluded.occurrence(in: 2019) == nil)
    }

    @Test("Brazilian holidays by date")
    func brazilLookups() {
        #expect(brazil.isHoliday(day("2026-11-20")))
        #expect(!brazil.isHoliday(day("2023-11-20")))
        #expect(brazil.holiday(on: day("2026-02-16"))?.name == "Carnaval (segunda-feira)")
        #expect(brazil.holiday(on: day("2026-04-03"))?.name == "Sexta-feira Santa")
        #expect(brazil.holiday(on: day("2026-06-04"))?.name == "Corpus Christi")
        #expect(brazil.holiday(on: day("2026-06-05")) == nil)
        let list = brazil.holidays(in: 2026)
        #expect(list.count == 13)
        #expect(list.first?.date == day("2026-01-01"))
        #expect(list.last?.date == day("2026-12-25"))
        #expect(list.map(\.date) == list.map(\.date).sorted())
        #expect(brazil.holidays(in: 2023).count == 12)
        #expect(brazil.workingIntervals(on: day("2026-11-20")).isEmpty)
        #expect(brazil.workingIntervals(on: day("2026-11-19")) == [hours("09:00-18:00")])
    }

    @Test("Day numbers and weekdays")
    func dayNumbers() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("1969-12-31").dayNumber == -1)
        #expect(day("2026-03-08").weekday == .sunday)
        #expect(day("2000-02-29").adding(days: 1) == day("2000-03-01"))
        #expect(day("0001-01-01").weekday == .monday)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let number = Int64.random(in: -800_000...3_000_000, using: &generator)
            #expect(LocalDate(dayNumber: number).dayNumber == number)
        }
    }
}

@Suite("Calendar: absurd inputs do not trap")
struct CalendarAbsurdInputTests {
    @Test("Extreme years and offsets")
    func extremes() {
        for offset in [Int.min, Int.max, -1 << 41, 1 << 41] {
            let rule = HolidayRule(kind: .easter(offset: offset), name: "absurd")
            #expect(rule.occurrences(in: 2026).isEmpty)
            #expect(!rule.falls(on: day("2026-04-05")))
            let calendar = BusinessCalendar(id: "absurd", timeZone: zone("UTC"),
                                            weeklyHours: weekdays([hours("09:00-18:00")]), holidays: [rule])
            #expect(calendar.adding(workingSeconds: hour, to: instant("2026-03-09T09:00:00Z")) == instant("2026-03-09T10:00:00Z"))
        }
        for year in [Int.min, Int.max] {
            #expect(HolidayRule(kind: .annual(month: 1, day: 1), name: "x").occurrence(in: year) == nil)
            #expect(HolidayRule(kind: .easter(offset: 0), name: "x").occurrence(in: year) == nil)
            _ = BusinessCalendar.easterSunday(year: year)
            if let date = LocalDate(year: year, month: 6, day: 1) {
                #expect(!brazil.isHoliday(date))
                _ = date.weekday
            }
        }
        let weird = BusinessCalendar(id: "weird", timeZone: zone("UTC"),
                                     weeklyHours: [.monday: [WorkingInterval(start: Int.min, end: Int.max)]],
                                     holidays: [HolidayRule(kind: .annual(month: Int.max, day: Int.min), name: "x")])
        #expect(weird.hasWorkingTime)
        #expect(weird.adding(workingSeconds: hour, to: instant("2026-03-09T09:00:00Z")) == instant("2026-03-09T10:00:00Z"))
        #expect(weird.workingSeconds(from: instant("2026-03-09T00:00:00Z"), to: instant("2026-03-16T00:00:00Z")) == 24 * hour)
    }
}
