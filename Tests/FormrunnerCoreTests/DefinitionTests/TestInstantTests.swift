import Foundation
import Testing
@testable import FormrunnerCore

/// Instants as definition tests write them, and as the runner prints them.
@Suite("Definition tests: instants")
struct TestInstantTests {
    @Test("an instant with its offset, seconds optional, names one moment however it is written")
    func parsesOffsets() throws {
        let minute = try #require(TestInstant.parse("2026-03-02T10:00-03:00"))
        #expect(TestInstant.parse("2026-03-02T10:00:00-03:00") == minute)
        #expect(TestInstant.parse("2026-03-02T13:00Z") == minute)
        #expect(TestInstant.parse("2026-03-02T18:30+05:30") == minute)
        #expect(minute.timeIntervalSince1970 == 1_772_456_400)
    }

    @Test("an instant without its offset, or with an impossible date or time, is not an instant",
          arguments: ["2026-03-02T10:00", "2026-03-02", "2026-02-30T10:00Z", "2026-03-02T24:00Z", "2026-03-02T10:00-3:00",
                      "2026-03-02T10:00Z ", "tomorrow"])
    func refusesAmbiguity(text: String) {
        #expect(TestInstant.parse(text) == nil)
    }

    @Test("the runner shows an instant in the calendar's zone, with seconds only when they are not zero")
    func formats() throws {
        let zone = try #require(TimeZone(identifier: "America/Sao_Paulo"))
        let instant = try #require(TestInstant.parse("2026-03-02T13:00Z"))
        #expect(TestInstant.format(instant, in: zone) == "2026-03-02T10:00-03:00")
        #expect(TestInstant.format(instant.addingTimeInterval(7), in: zone) == "2026-03-02T10:00:07-03:00")
        #expect(TestInstant.format(instant, in: try #require(TimeZone(identifier: "UTC"))) == "2026-03-02T13:00Z")
    }

    @Test("a failure's diff keeps the lines both share and marks the expected and the found ones")
    func diff() {
        let failure = DefinitionTestFailure(step: "event 1 (solve at 2026-03-03T10:00-03:00)", subject: "emails",
                                            expected: ["confirmation", "solved", "closed"], actual: ["confirmation", "closed", "survey"])
        #expect(failure.heading == "event 1 (solve at 2026-03-03T10:00-03:00): emails")
        #expect(failure.diff == ["  confirmation", "- solved", "  closed", "+ survey"])
    }
}
