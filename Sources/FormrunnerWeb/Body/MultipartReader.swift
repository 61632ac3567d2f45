import Foundation
import FormrunnerCore
import NIOCore

/// Reads a `multipart/form-data` body as it arrives: text parts are kept (1 MiB in all), file parts
/// are written straight to disk, never held whole in memory, and stopped as soon as they break the
/// field's count or size limit (the rest of that file is skipped and its part deleted).
final class MultipartReader {
    /// The largest total of the text parts.
    static let maxText = 1 << 20

    private var scanner: MultipartScanner
    private let folder: URL
    private let limits: (String) -> FileLimits?
    private(set) var body = FormBody()
    private var textBytes = 0

    // The part being read.
    private var headers: [String: String] = [:]
    private var text: [UInt8] = []
    private var file: FileHandle?
    /// The current file's bytes not yet written: written 64 KiB at a time, not one write a chunk.
    private var pending: [UInt8] = []
    private var filePath: String?
    private var fileSize: Int64 = 0
    private var skipping = false
    /// Set once the current file passed its size limit: its bytes are counted, not kept.
    private var oversize: (field: String, name: String, limit: Int64)?
    private var failure: String?

    /// A reader for `boundary` writing files under `folder`; `limits` gives each file field's limits.
    init(boundary: String, folder: URL, limits: @escaping (String) -> FileLimits?) {
        scanner = MultipartScanner(boundary: boundary)
        self.folder = folder
        self.limits = limits
    }

    /// Feeds the next chunk of the body.
    /// - Throws: ``FormBodyError`` for a malformed body or text parts over 1 MiB.
    func feed(_ buffer: ByteBuffer) throws {
        do {
            try buffer.withUnsafeReadableBytes { bytes in
                try scanner.feed(bytes) { event in
                    switch event {
                    case .part(let headers): self.headers = headers
                    case .body(let bytes): take(bytes)
                    case .end: finishPart()
                    }
                }
            }
        } catch is MultipartScanner.Failure {
            throw FormBodyError.malformed
        }
        if let failure { throw FormBodyError.tooLarge(failure) }
    }

    /// Whether the body ended with its close delimiter.
    var isComplete: Bool { scanner.isComplete }

    /// Deletes any file still open: its body ended mid-part, so the file is not whole.
    func finish() {
        if file != nil { discardFile() }
    }

    private var disposition: (name: String, filename: String?)? {
        guard let header = headers["content-disposition"] else { return nil }
        var name: String?
        var filename: String?
        for item in header.split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                ? String(pair[1].dropFirst().dropLast()) : pair[1]
            switch pair[0].lowercased() {
            case "name": name = value
            case "filename": filename = value
            default: break
            }
        }
        return name.map { ($0, filename) }
    }

    private func take(_ bytes: UnsafeRawBufferPointer) {
        guard let part = disposition, !skipping else { return }
        if oversize != nil {
            fileSize += Int64(bytes.count)
            return
        }
        guard let filename = part.filename else {
            textBytes += bytes.count
            guard textBytes <= Self.maxText else {
                failure = "the form's text is larger than 1 MB"
                return
            }
            text += bytes
            return
        }
        guard !filename.isEmpty, !bytes.isEmpty else { return }
        if file == nil, !open(field: part.name, filename: filename) { return }
        let limit = limits(part.name)?.size ?? FileLimits.default.size
        fileSize += Int64(bytes.count)
        guard fileSize <= limit else {
            oversize = (part.name, Self.safeName(filename), limit)
            discardFile()
            return
        }
        pending += bytes
        if pending.count >= Self.writeSize { flush() }
    }

    /// The size of one write of a file part.
    static let writeSize = 64 << 10

    /// Writes the current file's pending bytes; a failed write fails the upload.
    private func flush() {
        guard let file, !pending.isEmpty else { return }
        do {
            try file.write(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
        } catch {
            failure = "the upload cannot be stored"
            discardFile()
        }
    }

    /// Starts writing a file part; false (and the part skipped) when the field has its count already.
    private func open(field: String, filename: String) -> Bool {
        let count = limits(field)?.count ?? FileLimits.default.count
        guard (body.files[field]?.count ?? 0) < count else {
            body.refused[field] = "at most \(count) file(s)"
            skipping = true
            return false
        }
        let directory = folder.appendingPathComponent(Token.random(bytes: 12), isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            failure = "the upload cannot be stored"
            return false
        }
        let path = directory.appendingPathComponent(Self.safeName(filename)).path
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            failure = "the upload cannot be stored"
            return false
        }
        file = handle
        filePath = path
        fileSize = 0
        return true
    }

    private func discardFile() {
        pending.removeAll(keepingCapacity: true)
        try? file?.close()
        if let filePath { try? FileManager.default.removeItem(atPath: (filePath as NSString).deletingLastPathComponent) }
        file = nil
        filePath = nil
    }

    private func finishPart() {
        if let oversize {
            // The same words as the command line's check of a file on disk.
            body.refused[oversize.field] = "'\(oversize.name)' is \(FileLimits.describe(size: fileSize)); "
                + "the limit is \(FileLimits.describe(size: oversize.limit))"
        } else if let part = disposition {
            if part.filename == nil {
                body.values[part.name, default: []].append(String(decoding: text, as: UTF8.self))
            } else {
                flush()
                // A failed write discarded the file: it is not listed.
                if let handle = file, let filePath {
                    try? handle.close()
                    body.files[part.name, default: []].append(UploadedFile(
                        name: (filePath as NSString).lastPathComponent, path: filePath, size: fileSize))
                }
            }
        }
        headers = [:]
        text = []
        pending.removeAll(keepingCapacity: true)
        file = nil
        filePath = nil
        fileSize = 0
        skipping = false
        oversize = nil
    }

    /// The last path component of a browser's file name, without control characters or slashes,
    /// at most 200 characters; `file` when nothing is left.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let bounded = String(cleaned.prefix(200))
        return bounded.isEmpty || bounded == "." || bounded == ".." ? "file" : bounded
    }
}

/// Why a posted body could not be read.
enum FormBodyError: Error {
    case malformed
    case tooLarge(String)
    case unsupported
}
