import Foundation
import Testing
@testable import FormrunnerCore

/// Issue 14, item 11: a file that grows while it is hashed is never taken whole over the limit.
@Suite("Attachments that grow while they are read")
struct GrowingAttachmentTests {
    static func field(limit: Int64) -> FieldDefinition {
        var field = FieldDefinition(id: "evidence", label: LocalizedText("Evidence"), type: .files,
                                    location: SourceLocation(file: "form.yaml", line: 1, column: 1))
        field.fileLimits = FileLimits(count: 3, size: limit, types: [])
        return field
    }

    @Test("a file whose size said 0 but whose content is over the limit (as /proc files, or one still being written) is refused")
    func growing() throws {
        // /proc/self/status is a regular file whose size reads 0 and whose content is over 100 bytes:
        // exactly what a file growing between the size check and the hashing looks like.
        let path = "/proc/self/status"
        try #require(FileManager.default.fileExists(atPath: path))
        let result = AttachmentInspector().inspect([path], for: Self.field(limit: 100))
        guard case .failure(let problem) = result else {
            Issue.record("accepted: \(result)")
            return
        }
        #expect(problem.message == "'status' grew past 100 bytes while it was read; the limit is 100 bytes")
    }

    @Test("the size recorded is the size hashed, not the size looked at before")
    func recordedSize() throws {
        let result = AttachmentInspector().inspect(["/proc/self/status"], for: Self.field(limit: 1 << 20))
        let inspected = try result.get()
        #expect(inspected.count == 1)
        #expect((inspected.first?.reference.size ?? 0) > 100)
    }

    @Test("the bounded digest reads at most the limit plus one byte and agrees with the plain digest")
    func boundedDigest() throws {
        let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("grow-\(UUID().uuidString)")
        try Data(repeating: 0x61, count: 200_000).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try SHA256.hexDigest(ofFileAt: url, limit: 199_999) == nil)
        let read = try #require(try SHA256.hexDigest(ofFileAt: url, limit: 200_000))
        let plain = try SHA256.hexDigest(ofFileAt: url)
        #expect(read.size == 200_000 && read.digest == plain)
    }
}
