import Foundation
import FormrunnerCore
@testable import FormrunnerWeb
import NIOCore
import Testing

@Suite("Reading multipart bodies")
struct MultipartScannerTests {
    static let boundary = "----formrunner-boundary-7MA4YWxk"

    /// A body of `parts` (headers, content) as a browser writes it, with a preamble and an epilogue.
    static func body(_ parts: [(headers: String, content: [UInt8])], preamble: String = "") -> [UInt8] {
        var bytes = Array(preamble.utf8)
        for part in parts {
            bytes += Array("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8)
            bytes += part.content
            bytes += Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\nthe epilogue is ignored".utf8)
        return bytes
    }

    /// Every part found in `body` fed in chunks of `size` bytes: headers and whole content.
    static func scan(_ body: [UInt8], chunk size: Int) throws -> (parts: [([String: String], [UInt8])], complete: Bool) {
        var scanner = MultipartScanner(boundary: boundary)
        var parts: [([String: String], [UInt8])] = []
        var offset = 0
        while offset < body.count {
            let end = min(offset + size, body.count)
            try body[offset..<end].withUnsafeBytes { chunk in
                try scanner.feed(chunk) { event in
                    switch event {
                    case .part(let headers): parts.append((headers, []))
                    case .body(let bytes): parts[parts.count - 1].1 += bytes
                    case .end: break
                    }
                }
            }
            offset = end
        }
        return (parts, scanner.isComplete)
    }

    /// Content that holds the boundary's own beginnings: CRs, CRLF, `--`, a near-delimiter.
    static let tricky = Array("a\r\nb\r\n-\r\n--\r\n--\(boundary.dropLast())x\r\n\r".utf8) + [0, 255, 13, 10, 45]

    @Test("every part's headers and content survive any split of the body into chunks")
    func everyChunkSize() throws {
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"title\"", Array("Hello, world".utf8)),
            ("Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\nContent-Type: application/octet-stream", Self.tricky),
            ("Content-Disposition: form-data; name=\"empty\"", []),
        ], preamble: "This is a preamble.\r\n")
        for size in [1, 2, 3, 5, 7, 16, 41, 64, body.count] {
            let result = try Self.scan(body, chunk: size)
            #expect(result.complete, "chunks of \(size)")
            #expect(result.parts.count == 3, "chunks of \(size)")
            guard result.parts.count == 3 else { continue }
            #expect(result.parts[0].0["content-disposition"] == "form-data; name=\"title\"")
            #expect(result.parts[0].1 == Array("Hello, world".utf8), "chunks of \(size)")
            #expect(result.parts[1].0["content-type"] == "application/octet-stream")
            #expect(result.parts[1].1 == Self.tricky, "chunks of \(size)")
            #expect(result.parts[2].1.isEmpty, "chunks of \(size)")
        }
    }

    @Test("a body without its close delimiter is not complete")
    func truncated() throws {
        let body = Self.body([("Content-Disposition: form-data; name=\"title\"", Array("Hello".utf8))])
        let cut = Array(body.prefix(body.count - 40))
        #expect(try Self.scan(cut, chunk: 8).complete == false)
    }

    @Test("a delimiter followed by neither CRLF nor -- is malformed")
    func malformedAfterDelimiter() {
        let body = Array("--\(Self.boundary)XY\r\n\r\n".utf8)
        #expect(throws: MultipartScanner.Failure.malformed) { _ = try Self.scan(body, chunk: 100) }
    }

    @Test("a header line without a colon is malformed")
    func malformedHeader() {
        let body = Self.body([("Content-Disposition form-data", Array("x".utf8))])
        #expect(throws: MultipartScanner.Failure.malformed) { _ = try Self.scan(body, chunk: 100) }
    }

    @Test("headers that never end are refused once they pass 16 KiB, whatever the chunks")
    func endlessHeaders() {
        let body = Array("--\(Self.boundary)\r\nX-Long: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 40_000)
        #expect(throws: MultipartScanner.Failure.headersTooLarge) { _ = try Self.scan(body, chunk: 4096) }
    }

    @Test("a large file is handed over in few pieces and never held whole")
    func largeBodyInPieces() throws {
        let content = [UInt8](repeating: UInt8(ascii: "0"), count: 3 << 20)
        let body = Self.body([("Content-Disposition: form-data; name=\"f\"; filename=\"big.pdf\"", content)])
        var scanner = MultipartScanner(boundary: Self.boundary)
        var pieces = 0, total = 0, largest = 0
        var offset = 0
        while offset < body.count {
            let end = min(offset + 65_536, body.count)
            try body[offset..<end].withUnsafeBytes { chunk in
                try scanner.feed(chunk) { event in
                    if case .body(let bytes) = event {
                        pieces += 1
                        total += bytes.count
                        largest = max(largest, bytes.count)
                    }
                }
            }
            offset = end
        }
        #expect(total == content.count)
        #expect(pieces <= body.count / 65_536 + 2)
        #expect(largest <= 65_536 + 64)
        #expect(scanner.isComplete)
    }

    @Test("the reader writes a file part to disk and keeps text parts, across chunk splits")
    func readerWritesFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = [UInt8](repeating: 7, count: 200_000) + Self.tricky
        let body = Self.body([
            ("Content-Disposition: form-data; name=\"note\"", Array("olá".utf8)),
            ("Content-Disposition: form-data; name=\"receipt\"; filename=\"../../etc/r.pdf\"", content),
        ])
        let reader = MultipartReader(boundary: Self.boundary, folder: folder, limits: { _ in nil })
        var offset = 0
        while offset < body.count {
            let end = min(offset + 1000, body.count)
            try reader.feed(ByteBuffer(bytes: body[offset..<end]))
            offset = end
        }
        reader.finish()
        #expect(reader.isComplete)
        #expect(reader.body.values["note"] == ["olá"])
        let file = try #require(reader.body.files["receipt"]?.first)
        #expect(file.name == "r.pdf")
        #expect(file.size == Int64(content.count))
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data(content))
    }

    @Test("a file over its field's size limit is refused with the field's message and deleted")
    func readerRefusesOversize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = Self.body([("Content-Disposition: form-data; name=\"receipt\"; filename=\"huge.pdf\"",
                               [UInt8](repeating: 48, count: 3 << 20))])
        let reader = MultipartReader(boundary: Self.boundary, folder: folder,
                                     limits: { _ in FileLimits(count: 1, size: 2 << 20, types: []) })
        try reader.feed(ByteBuffer(bytes: body))
        reader.finish()
        #expect(reader.body.files["receipt"] == nil)
        #expect(reader.body.refused["receipt"] == "'huge.pdf' is 3 MB; the limit is 2 MB")
        let left = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        #expect(left.filter { !$0.isEmpty && !$0.hasSuffix("/") }.allSatisfy { !$0.hasSuffix(".pdf") })
    }

    @Test("a body cut off in a file's middle leaves no file behind")
    func readerDeletesPartialFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = Self.body([("Content-Disposition: form-data; name=\"receipt\"; filename=\"r.pdf\"",
                               [UInt8](repeating: 48, count: 100_000))])
        let reader = MultipartReader(boundary: Self.boundary, folder: folder, limits: { _ in nil })
        try reader.feed(ByteBuffer(bytes: body.prefix(50_000)))
        reader.finish()
        #expect(!reader.isComplete)
        let files = (try? FileManager.default.subpathsOfDirectory(atPath: folder.path)) ?? []
        #expect(!files.contains { $0.hasSuffix("r.pdf") })
    }
}
