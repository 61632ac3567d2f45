import Foundation
import Testing
@testable import FormrunnerCore

/// The year tables give exactly what the day-by-day walk (the arithmetic before the tables) gives,
/// on seeded random instants: São Paulo with and without daylight-saving time, holidays, the turn
/// of the year, additions that run over several years, and the zero and negative amounts.
@Suite("Calendar: the year-table path equals the step-by-step walk")
struct CalendarFastPathPropertyTests {
    static let calendars: [BusinessCalendar] = [
        // Daylight-saving time until 2019, none since: both kinds of year.
        brazil,
        BusinessCalendar(id: "year-end", timeZone: zone("America/Sao_Paulo"),
                         weeklyHours: everyDay([hours("00:00-03:00"), hours("21:00-24:00")]),
                         holidays: [HolidayRule(kind: .annual(month: 12, day: 31), name: "New Year's Eve"),
                                    HolidayRule(kind: .annual(month: 1, day: 2), name: "Second of January"),
                                    HolidayRule(kind: .date(day("2027-06-15")), name: "Once")]),
        BusinessCalendar(id: "saturday-mornings", timeZone: zone("Europe/Lisbon"),
                         weeklyHours: weekdays([hours("09:00-12:30"), hours("14:00-18:00")])
                            .merging([.saturday: [hours("09:00-13:00")]]) { old, _ in old },
                         holidays: brazilHolidays),
        BusinessCalendar(id: "always", timeZone: zone("UTC"), weeklyHours: everyDay([hours("00:00-24:00")]),
                         holidays: [HolidayRule(kind: .annual(month: 1, day: 1), name: "New Year")]),
    ]

    /// An instant between 2000 and 2040: a third of them within three days of a January 1.
    static func randomInstant(using generator: inout SeededGenerator) -> Double {
        if Int.random(in: 0..<3, using: &generator) == 0 {
            let year = Int.random(in: 2000...2040, using: &generator)
            let newYear = Double(LocalDate(uncheckedYear: year, month: 1, day: 1).dayNumber * 86_400)
            return newYear + Double(Int64.random(in: -3 * 86_400...3 * 86_400, using: &generator))
        }
        return Double(Int64.random(in: 946_684_800...2_208_988_800, using: &generator))
    }

    /// Seconds to a few hours, days' and weeks' worth, and up to 30,000 hours (several years).
    static func randomAmount(using generator: inout SeededGenerator) -> Int64 {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return Int64.random(in: 1...3_600, using: &generator)
        case 1: return Int64.random(in: 1...200, using: &generator) * 3_600
        case 2: return Int64.random(in: 1...(2_000 * 3_600), using: &generator)
        default: return Int64.random(in: 1...(30_000 * 3_600), using: &generator)
        }
    }

    @Test("3,000 seeded random additions per calendar equal the walk, to the second", arguments: calendars)
    func randomAdditions(calendar: BusinessCalendar) {
        var generator = SeededGenerator(seed: 0xCA1E_DA85)
        var differences: [String] = []
        var tabled = 0
        for _ in 0..<3_000 {
            let start = Self.randomInstant(using: &generator)
            let amount = Self.randomAmount(using: &generator)
            var walk = CalendarWalk(calendar)
            let walked = walk.add(Double(amount), from: start)
            if Double(amount) <= BusinessCalendar.tableLimit, calendar.addingBySpans(Double(amount), to: start) != nil {
                tabled += 1
            }
            let added = calendar.adding(workingSeconds: amount, to: Date(timeIntervalSince1970: start))?.timeIntervalSince1970
            if added != walked { differences.append("\(start) + \(amount) s: \(String(describing: added)) vs \(String(describing: walked))") }
        }
        #expect(differences.isEmpty, "\(differences.count) differences, first: \(differences.prefix(3))")
        // The tables answer nearly everything; the walk only the longest additions.
        #expect(tabled > 2_500, "only \(tabled) of 3,000 additions went through the year tables")
    }

    @Test("an addition that runs over several years crosses each year's holidays and DST", arguments: calendars)
    func severalYears(calendar: BusinessCalendar) {
        let start = instant("2017-12-30T15:00:00-02:00")
        for years in [1, 2, 3, 5] {
            var walk = CalendarWalk(calendar)
            let amount = Int64(years) * 2_000 * 3_600
            let walked = walk.add(Double(amount), from: start.timeIntervalSince1970)
            #expect(calendar.addingBySpans(Double(amount), to: start.timeIntervalSince1970) == walked)
            #expect(calendar.adding(workingSeconds: amount, to: start)?.timeIntervalSince1970 == walked)
        }
    }

    @Test("adding zero gives the instant itself and a negative amount gives nil, on every calendar", arguments: calendars)
    func zeroAndNegative(calendar: BusinessCalendar) {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let start = Date(timeIntervalSince1970: Self.randomInstant(using: &generator))
            #expect(calendar.adding(workingSeconds: 0, to: start) == start)
            #expect(calendar.adding(workingSeconds: -Int64.random(in: 1...1_000_000, using: &generator), to: start) == nil)
        }
    }

    @Test("the tables and the walk agree whatever the order in which years are first needed")
    func orderOfYears() {
        // A fresh calendar per order: its tables are built in that order, from 2040 down or 2000 up.
        for descending in [true, false] {
            let calendar = BusinessCalendar(id: brazil.id, timeZone: brazil.timeZone, weeklyHours: brazil.weeklyHours,
                                            holidays: brazil.holidays)
            let years = descending ? Array((2000...2040).reversed()) : Array(2000...2040)
            for year in years {
                let start = Double(LocalDate(uncheckedYear: year, month: 12, day: 31).dayNumber * 86_400 + 80_000)
                var walk = CalendarWalk(calendar)
                #expect(calendar.adding(workingSeconds: 100 * 3_600, to: Date(timeIntervalSince1970: start))?
                    .timeIntervalSince1970 == walk.add(100 * 3_600, from: start))
            }
        }
    }
}
