import Foundation
import Testing
@testable import FormrunnerCore

/// Additions by the precomputed year spans give exactly what walking the days gives, across DST
/// (Brazil's old midnight changes, New York, Lord Howe's half hour), holidays, split days and
/// the turn of the year.
@Suite("Calendar: additions by year spans equal the day walk")
struct CalendarYearSpansTests {
    static let calendars: [BusinessCalendar] = [
        BusinessCalendar(id: "sao-paulo", timeZone: TimeZone(identifier: "America/Sao_Paulo")!,
                         weeklyHours: weekdays([hours("09:00-18:00")]),
                         holidays: [HolidayRule(kind: .annual(month: 1, day: 1), name: "New Year"),
                                    HolidayRule(kind: .easter(offset: -48), name: "Carnival Monday"),
                                    HolidayRule(kind: .easter(offset: -47), name: "Carnival Tuesday"),
                                    HolidayRule(kind: .annual(month: 12, day: 25), name: "Christmas")]),
        BusinessCalendar(id: "midnight", timeZone: TimeZone(identifier: "America/Sao_Paulo")!,
                         weeklyHours: everyDay([hours("00:00-02:00"), hours("22:00-24:00")]), holidays: []),
        BusinessCalendar(id: "new-york", timeZone: TimeZone(identifier: "America/New_York")!,
                         weeklyHours: weekdays([hours("08:00-12:00"), hours("13:00-17:30")]),
                         holidays: [HolidayRule(kind: .annual(month: 7, day: 4), name: "Independence Day")]),
        BusinessCalendar(id: "lord-howe", timeZone: TimeZone(identifier: "Australia/Lord_Howe")!,
                         weeklyHours: everyDay([hours("01:00-03:00")]), holidays: []),
    ]

    @Test("5,000 random additions per calendar, 1 second to 1,900 hours, 2010 to 2030", arguments: calendars)
    func random(calendar: BusinessCalendar) {
        var generator = SeededGenerator(seed: 0x5eed)
        var differences: [String] = []
        for _ in 0..<5_000 {
            let start = Double(Int64.random(in: 1_262_304_000...1_893_456_000, using: &generator))
            let amount = Int64.random(in: 1...(1_900 * 3_600), using: &generator)
            var walk = CalendarWalk(calendar)
            let walked = walk.add(Double(amount), from: start)
            let tabled = calendar.addingBySpans(Double(amount), to: start)
            if let tabled, tabled != walked { differences.append("\(start) + \(amount): \(tabled) vs \(String(describing: walked))") }
            #expect(calendar.adding(workingSeconds: amount, to: Date(timeIntervalSince1970: start))
                    == walked.map { Date(timeIntervalSince1970: $0) })
        }
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test("a changed calendar forgets the spans of the old one")
    func invalidated() {
        var calendar = Self.calendars[0]
        let start = instant("2026-03-06T18:00:00-03:00")
        #expect(calendar.adding(workingSeconds: 3_600, to: start) == instant("2026-03-09T10:00:00-03:00"))
        calendar.weeklyHours = everyDay([hours("09:00-18:00")])
        #expect(calendar.adding(workingSeconds: 3_600, to: start) == instant("2026-03-07T10:00:00-03:00"))
    }
}

