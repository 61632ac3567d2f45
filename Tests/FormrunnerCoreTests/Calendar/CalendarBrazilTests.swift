import Foundation
import Testing
@testable import FormrunnerCore

@Suite("Calendar: Brazil, Monday–Friday 09:00–18:00 in America/Sao_Paulo")
struct CalendarBrazilTests {
    @Test("27 working hours from Friday 17:00 end on Wednesday 17:00")
    func friday() {
        // Fri 1h, Mon 9h, Tue 9h, Wed 8h.
        #expect(brazil.adding(workingSeconds: 27 * hour, to: instant("2026-03-06T17:00:00-03:00"))
                == instant("2026-03-11T17:00:00-03:00"))
        // Thursday afternoon instead: Thu 1h, Fri 9h, Mon 9h, Tue 8h.
        #expect(brazil.adding(workingSeconds: 27 * hour, to: instant("2026-03-05T17:00:00-03:00"))
                == instant("2026-03-10T17:00:00-03:00"))
        // Friday morning: Fri 9h, Mon 9h, Tue 9h – exactly the end of Tuesday.
        #expect(brazil.adding(workingSeconds: 27 * hour, to: instant("2026-03-06T09:00:00-03:00"))
                == instant("2026-03-10T18:00:00-03:00"))
    }

    @Test("Carnival Monday and Tuesday are skipped")
    func carnival() {
        // Fri 13 1h, Mon 16 + Tue 17 Carnival, Wed 18 9h, Thu 19 9h, Fri 20 8h.
        #expect(brazil.adding(workingSeconds: 27 * hour, to: instant("2026-02-13T17:00:00-03:00"))
                == instant("2026-02-20T17:00:00-03:00"))
        #expect(brazil.workingSeconds(from: instant("2026-02-13T00:00:00-03:00"), to: instant("2026-02-21T00:00:00-03:00"))
                == 36 * hour)
        // Good Friday (April 18) and Tiradentes (Monday April 21) 2025.
        #expect(brazil.adding(workingSeconds: 10 * hour, to: instant("2025-04-17T09:00:00-03:00"))
                == instant("2025-04-22T10:00:00-03:00"))
    }

    @Test("Christmas and New Year")
    func christmas() {
        // Thu Dec 24 8h, Fri 25 Christmas, Mon 28 9h, Tue 29 9h, Wed 30 1h.
        let start = instant("2026-12-24T10:00:00-03:00")
        #expect(brazil.adding(workingSeconds: 27 * hour, to: start) == instant("2026-12-30T10:00:00-03:00"))
        // … then Wed 30 8h, Thu 31 9h, Fri Jan 1 holiday, Mon Jan 4 1h.
        #expect(brazil.adding(workingSeconds: 45 * hour, to: start) == instant("2027-01-04T10:00:00-03:00"))
        #expect(brazil.workingSeconds(from: start, to: instant("2027-01-04T10:00:00-03:00")) == 45 * hour)
    }

    @Test("Consciência Negra is a holiday from 2024 only")
    func consciencia() {
        // Thu 2026-11-19 17:00 + 2h: Thu 1h, Fri 20 holiday, Mon 23 1h.
        #expect(brazil.adding(workingSeconds: 2 * hour, to: instant("2026-11-19T17:00:00-03:00"))
                == instant("2026-11-23T10:00:00-03:00"))
        // Fri 2023-11-17 17:00 + 2h: Fri 1h, Mon 2023-11-20 is a working day.
        #expect(brazil.adding(workingSeconds: 2 * hour, to: instant("2023-11-17T17:00:00-03:00"))
                == instant("2023-11-20T10:00:00-03:00"))
    }

    @Test("Just under and just over the due instant")
    func dueInstant() {
        let start = instant("2026-03-06T17:00:00-03:00")
        guard let due = brazil.adding(workingSeconds: 27 * hour, to: start),
              let early = brazil.adding(workingSeconds: 26 * hour + 59 * 60, to: start),
              let late = brazil.adding(workingSeconds: 27 * hour + 60, to: start)
        else { Issue.record("no result"); return }
        #expect(early < due)
        #expect(late > due)
        #expect(early == instant("2026-03-11T16:59:00-03:00"))
        #expect(late == instant("2026-03-11T17:01:00-03:00"))
        #expect(brazil.workingSeconds(from: start, to: early) == 27 * hour - 60)
        #expect(brazil.workingSeconds(from: start, to: late) == 27 * hour + 60)
    }

    @Test("Starting at the weekend or outside hours")
    func outsideHours() {
        let saturday = instant("2026-03-07T11:00:00-03:00")
        #expect(brazil.adding(workingSeconds: hour, to: saturday) == instant("2026-03-09T10:00:00-03:00"))
        #expect(brazil.adding(workingSeconds: 1, to: saturday) == instant("2026-03-09T09:00:01-03:00"))
        // Adding nothing returns the instant itself, even outside working time.
        #expect(brazil.adding(workingSeconds: 0, to: saturday) == saturday)
        #expect(brazil.adding(workingSeconds: 9 * hour, to: saturday) == instant("2026-03-09T18:00:00-03:00"))
        // Before opening and after closing on a weekday.
        #expect(brazil.adding(workingSeconds: hour, to: instant("2026-03-09T06:00:00-03:00"))
                == instant("2026-03-09T10:00:00-03:00"))
        #expect(brazil.adding(workingSeconds: hour, to: instant("2026-03-09T20:00:00-03:00"))
                == instant("2026-03-10T10:00:00-03:00"))
        #expect(brazil.workingSeconds(from: saturday, to: instant("2026-03-08T23:00:00-03:00")) == 0)
        #expect(brazil.workingSeconds(from: saturday, to: saturday) == 0)
        #expect(brazil.workingSeconds(from: instant("2026-03-10T00:00:00-03:00"), to: saturday) == 0)
        #expect(brazil.adding(workingSeconds: -1, to: saturday) == nil)
    }

    @Test("Results on the end of an interval stay there")
    func endOfInterval() {
        #expect(brazil.adding(workingSeconds: hour, to: instant("2026-03-09T17:00:00-03:00"))
                == instant("2026-03-09T18:00:00-03:00"))
        #expect(brazil.adding(workingSeconds: hour + 1, to: instant("2026-03-09T17:00:00-03:00"))
                == instant("2026-03-10T09:00:01-03:00"))
        // Exactly at closing time, an addition continues the next working day.
        #expect(brazil.adding(workingSeconds: hour, to: instant("2026-03-13T18:00:00-03:00"))
                == instant("2026-03-16T10:00:00-03:00"))
    }

    @Test("Split working day with a lunch break")
    func lunchBreak() {
        let split = BusinessCalendar(
            id: "split", timeZone: zone("America/Sao_Paulo"),
            weeklyHours: weekdays([hours("09:00-12:00"), hours("13:00-18:00")]), holidays: brazilHolidays)
        let lunch = instant("2026-03-09T12:30:00-03:00")
        #expect(split.adding(workingSeconds: hour, to: lunch) == instant("2026-03-09T14:00:00-03:00"))
        #expect(split.adding(workingSeconds: 5 * hour, to: lunch) == instant("2026-03-09T18:00:00-03:00"))
        #expect(split.adding(workingSeconds: 5 * hour + 1, to: lunch) == instant("2026-03-10T09:00:01-03:00"))
        #expect(split.adding(workingSeconds: 9 * hour, to: lunch) == instant("2026-03-10T14:00:00-03:00"))
        // Landing on the start of lunch gives 12:00, not 13:00.
        #expect(split.adding(workingSeconds: hour, to: instant("2026-03-09T11:00:00-03:00"))
                == instant("2026-03-09T12:00:00-03:00"))
        #expect(split.workingSeconds(from: instant("2026-03-09T11:00:00-03:00"), to: instant("2026-03-09T14:00:00-03:00"))
                == 2 * hour)
        #expect(split.workingSeconds(from: lunch, to: instant("2026-03-09T12:59:59-03:00")) == 0)
        #expect(!split.isWorkingTime(lunch))
        #expect(split.isWorkingTime(instant("2026-03-09T13:00:00-03:00")))
        #expect(!split.isWorkingTime(instant("2026-03-09T18:00:00-03:00")))
        #expect(!split.isWorkingTime(instant("2026-02-16T10:00:00-03:00")))  // Carnival
    }

    @Test("workingSeconds inverts adding over pseudo-random instants")
    func roundTrip() {
        var generator = SeededGenerator(seed: 20_260_306)
        let base = instant("2023-01-01T00:00:00-03:00").timeIntervalSince1970
        for _ in 0..<400 {
            let start = Date(timeIntervalSince1970: base + Double(Int64.random(in: 0..<(5 * 365 * 86_400), using: &generator)))
            let amount = Int64.random(in: 1...(400 * hour), using: &generator)
            guard let due = brazil.adding(workingSeconds: amount, to: start) else {
                Issue.record("no result from \(start) + \(amount)s"); continue
            }
            #expect(due > start)
            #expect(brazil.workingSeconds(from: start, to: due) == amount, "from \(start) + \(amount)s = \(due)")
            #expect(brazil.isWorkingTime(due.addingTimeInterval(-0.5)))
            // Splitting an addition in two gives the same instant.
            let first = Int64.random(in: 1...amount, using: &generator)
            if first < amount, let middle = brazil.adding(workingSeconds: first, to: start) {
                #expect(brazil.adding(workingSeconds: amount - first, to: middle) == due)
            }
        }
    }

    @Test("Fractional seconds survive the round trip")
    func fractional() {
        let start = instant("2026-03-06T17:00:00-03:00").addingTimeInterval(0.25)
        let due = brazil.adding(workingSeconds: 27 * hour, to: start)
        #expect(due == instant("2026-03-11T17:00:00-03:00").addingTimeInterval(0.25))
        if let due { #expect(brazil.workingSeconds(from: start, to: due) == 27 * hour) }
    }
}
