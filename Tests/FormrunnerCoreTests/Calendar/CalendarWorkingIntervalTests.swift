import Foundation
import Testing
@testable import FormrunnerCore

@Suite("Calendar: working intervals and weekdays")
struct CalendarWorkingIntervalTests {
    @Test("Well-formed intervals parse", arguments: [
        ("09:00-18:00", 540, 1080), ("00:00-24:00", 0, 1440), ("13:30-13:31", 810, 811),
        ("23:59-24:00", 1439, 1440), ("09:00 - 12:00", 540, 720), (" 08:15-17:45 ", 495, 1065),
    ])
    func parses(text: String, start: Int, end: Int) {
        #expect(WorkingInterval(parsing: text) == WorkingInterval(start: start, end: end))
    }

    @Test("Malformed, empty and reversed intervals are rejected", arguments: [
        "", "-", "09:00", "9:00-18:00", "09:00-8:00", "18:00-09:00", "09:00-09:00", "24:00-24:00",
        "24:00-23:00", "25:00-26:00", "09:00-25:00", "09:60-10:00", "09:00-24:01", "0900-1800",
        "09:00-18:00-19:00", "09:00–18:00", "+9:00-18:00", "09:0a-18:00", "٠٩:٠٠-١٨:٠٠", "09:00-",
    ])
    func rejects(text: String) {
        #expect(WorkingInterval(parsing: text) == nil)
    }

    @Test("Description round-trips")
    func description() {
        #expect(WorkingInterval(start: 540, end: 1080).description == "09:00-18:00")
        #expect(WorkingInterval(start: 0, end: 1440).description == "00:00-24:00")
        for text in ["00:00-24:00", "07:05-07:06", "12:00-13:00"] {
            #expect(WorkingInterval(parsing: text)?.description == text)
        }
        #expect(WorkingInterval(start: 540, end: 1080).minutes == 540)
        #expect(!WorkingInterval(start: 600, end: 600).isValid)
        #expect(!WorkingInterval(start: 0, end: 1441).isValid)
    }

    @Test("Weekday names")
    func weekdayNames() {
        #expect(Weekday(name: "monday") == .monday)
        #expect(Weekday(name: "sunday") == .sunday)
        #expect(Weekday(name: "Monday") == nil)
        #expect(Weekday(name: "mon") == nil)
        #expect(Weekday.allCases.map(\.name) == ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        #expect(Weekday.allCases.allSatisfy { Weekday(name: $0.name) == $0 })
        #expect(Weekday.sunday.rawValue == 7)
    }

    @Test("Overlapping, unsorted and out-of-range intervals are normalised")
    func normalisation() {
        let calendar = BusinessCalendar(
            id: "messy", timeZone: zone("UTC"),
            weeklyHours: [.monday: [WorkingInterval(start: 780, end: 1080), WorkingInterval(start: 540, end: 720),
                                    WorkingInterval(start: 600, end: 700), WorkingInterval(start: 1000, end: 2000),
                                    WorkingInterval(start: 500, end: 500)]],
            holidays: [])
        #expect(calendar.workingIntervals(on: day("2026-03-09")) == [hours("09:00-12:00"), hours("13:00-24:00")])
        #expect(calendar.workingSeconds(from: instant("2026-03-09T00:00:00Z"), to: instant("2026-03-10T00:00:00Z"))
                == 14 * hour)
    }
}
