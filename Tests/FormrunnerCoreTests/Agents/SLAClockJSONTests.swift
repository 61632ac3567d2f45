import Foundation
@testable import FormrunnerCore
import Testing

/// `SLAClock.storedJSON()` writes what `JSONEncoder` wrote before it: stored clocks read the same.
@Suite("SLA clock JSON without JSONEncoder")
struct SLAClockJSONTests {
    static func encoded(_ clock: SLAClock) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.millisecondsSince1970)
        }
        return String(decoding: try encoder.encode(clock), as: UTF8.self)
    }

    static let clocks: [SLAClock] = {
        let start = Date(timeIntervalSince1970: 1_795_000_000.123_4)
        let new = SLAClock(kind: .firstResponse, priority: "high", startedAt: start, targetSeconds: 14_400)
        var full = SLAClock(kind: .nextResponse, priority: "a/\"b\"\\ é", startedAt: start.addingTimeInterval(-0.0005),
                            targetSeconds: -1)
        full.pauses = [SLAClock.Pause(from: start, to: start.addingTimeInterval(60.5)), SLAClock.Pause(from: start.addingTimeInterval(120))]
        full.dueAt = start.addingTimeInterval(3_600)
        full.answeredAt = Date(timeIntervalSince1970: -1.5)
        full.warned = true
        full.breached = true
        full.firstResponseDue = start.addingTimeInterval(7_200)
        full.firstResponseAt = start.addingTimeInterval(7_300)
        full.firstResponseBreached = true
        full.firstResponseSeconds = 0
        return [new, full]
    }()

    @Test("the same bytes as JSONEncoder, and read back as stored", arguments: clocks)
    func sameBytes(clock: SLAClock) throws {
        #expect(try clock.storedJSON() == Self.encoded(clock))
        #expect(try SLAClock.stored(clock.storedJSON()) == clock.storedForm)
    }
}
