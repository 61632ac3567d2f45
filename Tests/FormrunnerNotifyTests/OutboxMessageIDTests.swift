import Foundation
import Testing
@testable import FormrunnerNotify

/// Outbox ids grow with time, so that new messages are appended to the outbox's id index.
@Suite("Outbox message ids")
struct OutboxMessageIDTests {
    @Test("ids are lower-case version 7 UUIDs, each after the one before, even within a millisecond")
    func ordered() throws {
        let instant = Date(timeIntervalSince1970: 1_795_000_000.123)
        let ids = (0..<5_000).map { _ in OutboxMessageID.next(at: instant) }
        #expect(Set(ids).count == ids.count)
        #expect(ids == ids.sorted())
        for id in ids.prefix(50) {
            let uuid = try #require(UUID(uuidString: id))
            #expect(uuid.uuidString.lowercased() == id)
            #expect(Array(id)[14] == "7")
            #expect("89ab".contains(Array(id)[19]))
        }
        // A clock that goes back does not send ids back.
        #expect(OutboxMessageID.next(at: instant.addingTimeInterval(-3600)) > ids.last!)
        #expect(OutboxMessageID.next() > ids.last!)
    }

    @Test("an id begins with the milliseconds it was made at")
    func milliseconds() {
        let id = OutboxMessageID.next(at: Date(timeIntervalSince1970: 4_000_000_000))
        let hex = id.replacingOccurrences(of: "-", with: "").prefix(12)
        #expect(UInt64(hex, radix: 16)! >= 4_000_000_000_000)
    }

    @Test("the text of two 64-bit halves is the UUID they make, in lower case")
    func text() {
        var random = SystemRandomNumberGenerator()
        for (high, low) in [(UInt64(0), UInt64(0)), (.max, .max), (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)]
            + (0..<100).map({ _ in (random.next(), random.next()) }) {
            var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            withUnsafeMutableBytes(of: &bytes) { buffer in
                for index in 0..<16 {
                    let half = index < 8 ? high : low
                    buffer[index] = UInt8(truncatingIfNeeded: half >> UInt64(56 - (index % 8) * 8))
                }
            }
            let uuid = UUID(uuid: bytes)
            #expect(OutboxMessageID.text(high: high, low: low) == uuid.uuidString.lowercased())
        }
    }
}
