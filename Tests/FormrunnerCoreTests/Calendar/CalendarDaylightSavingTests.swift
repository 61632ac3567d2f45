import Foundation
import Testing
@testable import FormrunnerCore

@Suite("Calendar: daylight saving time in America/New_York")
struct CalendarDaylightSavingTests {
    let newYork = zone("America/New_York")

    @Test("Monday–Friday around the clock across the spring-forward weekend")
    func allDayWeekdays() {
        let calendar = BusinessCalendar(id: "ny-24x5", timeZone: newYork,
                                        weeklyHours: weekdays([hours("00:00-24:00")]), holidays: [])
        // Friday 12h (EST) + Monday 12h (EDT); the weekend, DST jump included, does not count.
        #expect(calendar.adding(workingSeconds: 24 * hour, to: instant("2026-03-06T12:00:00-05:00"))
                == instant("2026-03-09T12:00:00-04:00"))
        #expect(calendar.workingSeconds(from: instant("2026-03-06T12:00:00-05:00"), to: instant("2026-03-09T12:00:00-04:00"))
                == 24 * hour)
        #expect(calendar.adding(workingSeconds: 12 * hour, to: instant("2026-03-06T12:00:00-05:00"))
                == instant("2026-03-07T00:00:00-05:00"))
        // A whole working week is 120 real hours on both sides of the change.
        #expect(calendar.workingSeconds(from: instant("2026-03-01T00:00:00-05:00"), to: instant("2026-03-15T00:00:00-04:00"))
                == 240 * hour)
    }

    @Test("Every day around the clock: working time is elapsed time")
    func allDayEveryDay() {
        let calendar = BusinessCalendar(id: "ny-24x7", timeZone: newYork,
                                        weeklyHours: everyDay([hours("00:00-24:00")]), holidays: [])
        // Sunday 2026-03-08 has 23 hours, Sunday 2026-11-01 has 25.
        #expect(calendar.adding(workingSeconds: 24 * hour, to: instant("2026-03-07T12:00:00-05:00"))
                == instant("2026-03-08T13:00:00-04:00"))
        #expect(calendar.adding(workingSeconds: 24 * hour, to: instant("2026-10-31T12:00:00-04:00"))
                == instant("2026-11-01T11:00:00-05:00"))
        #expect(calendar.workingSeconds(from: instant("2026-03-08T00:00:00-05:00"), to: instant("2026-03-09T00:00:00-04:00"))
                == 23 * hour)
        #expect(calendar.workingSeconds(from: instant("2026-11-01T00:00:00-04:00"), to: instant("2026-11-02T00:00:00-05:00"))
                == 25 * hour)
        var generator = SeededGenerator(seed: 42)
        let base = instant("2025-01-01T00:00:00Z").timeIntervalSince1970
        for _ in 0..<200 {
            let start = Date(timeIntervalSince1970: base + Double(Int64.random(in: 0..<(3 * 365 * 86_400), using: &generator)))
            let amount = Int64.random(in: 1...(3 * 365 * 86_400), using: &generator)
            #expect(calendar.adding(workingSeconds: amount, to: start) == start.addingTimeInterval(Double(amount)))
            #expect(calendar.workingSeconds(from: start, to: start.addingTimeInterval(Double(amount))) == amount)
        }
    }

    @Test("01:00–04:00 holds two real hours on spring-forward day")
    func springForward() {
        let calendar = BusinessCalendar(id: "ny-night", timeZone: newYork,
                                        weeklyHours: everyDay([hours("01:00-04:00")]), holidays: [])
        let opening = instant("2026-03-08T01:00:00-05:00")
        #expect(calendar.workingSeconds(from: instant("2026-03-08T00:00:00-05:00"), to: instant("2026-03-09T00:00:00-04:00"))
                == 2 * hour)
        #expect(calendar.adding(workingSeconds: hour, to: opening) == instant("2026-03-08T03:00:00-04:00"))
        #expect(calendar.adding(workingSeconds: 90 * 60, to: opening) == instant("2026-03-08T03:30:00-04:00"))
        #expect(calendar.adding(workingSeconds: 2 * hour, to: opening) == instant("2026-03-08T04:00:00-04:00"))
        #expect(calendar.adding(workingSeconds: 2 * hour + 1, to: opening) == instant("2026-03-09T01:00:01-04:00"))
        // Saturday 03:00 + 2h: Saturday 1h, Sunday 01:00 EST + 1h = 03:00 EDT.
        #expect(calendar.adding(workingSeconds: 2 * hour, to: instant("2026-03-07T03:00:00-05:00"))
                == instant("2026-03-08T03:00:00-04:00"))
        // Saturday, Sunday, Monday: 3 + 2 + 3 hours.
        #expect(calendar.workingSeconds(from: instant("2026-03-07T00:00:00-05:00"), to: instant("2026-03-10T00:00:00-04:00"))
                == 8 * hour)
        #expect(calendar.adding(workingSeconds: 8 * hour, to: instant("2026-03-07T00:00:00-05:00"))
                == instant("2026-03-09T04:00:00-04:00"))
    }

    @Test("01:00–04:00 holds four real hours on fall-back day")
    func fallBack() {
        let calendar = BusinessCalendar(id: "ny-night", timeZone: newYork,
                                        weeklyHours: everyDay([hours("01:00-04:00")]), holidays: [])
        let opening = instant("2026-11-01T01:00:00-04:00")  // the first 01:00
        #expect(calendar.workingSeconds(from: instant("2026-11-01T00:00:00-04:00"), to: instant("2026-11-02T00:00:00-05:00"))
                == 4 * hour)
        #expect(calendar.adding(workingSeconds: 90 * 60, to: opening) == instant("2026-11-01T01:30:00-05:00"))
        #expect(calendar.adding(workingSeconds: 4 * hour, to: opening) == instant("2026-11-01T04:00:00-05:00"))
        #expect(calendar.adding(workingSeconds: 4 * hour + 60, to: opening) == instant("2026-11-02T01:01:00-05:00"))
        #expect(calendar.workingSeconds(from: instant("2026-10-31T00:00:00-04:00"), to: instant("2026-11-03T00:00:00-05:00"))
                == 10 * hour)
        #expect(calendar.isWorkingTime(instant("2026-11-01T01:30:00-05:00")))
    }

    @Test("A working interval inside the skipped hour has no working time")
    func swallowedInterval() {
        let calendar = BusinessCalendar(id: "ny-gap", timeZone: newYork,
                                        weeklyHours: [.sunday: [hours("02:00-03:00")]], holidays: [])
        #expect(calendar.workingSeconds(from: instant("2026-03-07T00:00:00-05:00"), to: instant("2026-03-15T00:00:00-04:00"))
                == 0)
        #expect(calendar.workingSeconds(from: instant("2026-03-07T00:00:00-05:00"), to: instant("2026-03-16T00:00:00-04:00"))
                == hour)
        #expect(calendar.adding(workingSeconds: 60, to: instant("2026-03-07T00:00:00-05:00"))
                == instant("2026-03-15T02:01:00-04:00"))
    }

    @Test("Local times resolve the way Foundation's Calendar resolves them")
    func matchesFoundation() {
        var generator = SeededGenerator(seed: 99)
        for identifier in ["America/New_York", "Europe/Berlin", "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kolkata"] {
            let timeZone = zone(identifier)
            var gregorian = Calendar(identifier: .gregorian)
            gregorian.timeZone = timeZone
            // Every transition day of a few years, plus random days.
            var days: [Int64] = []
            var cursor = instant("2016-01-01T00:00:00Z")
            while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next < instant("2028-01-01T00:00:00Z") {
                let number = Int64((next.timeIntervalSince1970 / 86_400).rounded(.down))
                days += [number - 1, number, number + 1]
                cursor = next
            }
            for _ in 0..<50 { days.append(Int64.random(in: 0...30_000, using: &generator)) }
            for number in days {
                let clock = DayClock(day: number, timeZone: timeZone)
                let date = LocalDate(dayNumber: number)
                for minute in stride(from: 0, to: 1440, by: 30) {
                    let components = DateComponents(year: date.year, month: date.month, day: date.day,
                                                    hour: minute / 60, minute: minute % 60)
                    guard let expected = gregorian.date(from: components) else { continue }
                    #expect(clock.instant(minute: minute) == Int64(expected.timeIntervalSince1970),
                            "\(identifier) \(date) minute \(minute)")
                }
            }
        }
    }
}
