import Foundation

/// Checks the files given for a `files` field on the spot: they exist, are regular files, respect
/// the field's count, size and type limits; and computes each one's SHA-256.
public struct AttachmentInspector: Sendable {
    /// A file that passed inspection.
    public struct Inspected: Sendable {
        public var reference: AttachmentRef
        /// Where the file is now, to copy into the store.
        public var path: String
    }

    public init() {}

    public func inspect(_ paths: [String], for field: FieldDefinition) -> Result<[Inspected], AnswerProblem> {
        let limits = field.fileLimits ?? .default
        func fail(_ message: String) -> Result<[Inspected], AnswerProblem> {
            .failure(AnswerProblem(field: field.id, message: message))
        }
        let paths = paths.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if paths.count > limits.count { return fail("at most \(limits.count) file(s), got \(paths.count)") }
        var result: [Inspected] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                return fail("no such file: '\(path)'")
            }
            guard !isDirectory.boolValue,
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  (attributes[.type] as? FileAttributeType) == .typeRegular,
                  let size = (attributes[.size] as? NSNumber)?.int64Value else {
                return fail("'\(path)' is not a regular file")
            }
            let name = URL(fileURLWithPath: path).lastPathComponent
            if size > limits.size {
                return fail("'\(name)' is \(FileLimits.describe(size: size)); the limit is \(FileLimits.describe(size: limits.size))")
            }
            let mediaType = MediaTypes.type(forFileName: name)
            guard limits.accepts(mediaType: mediaType, fileName: name) else {
                return fail("'\(name)' (\(mediaType)) is not an accepted type; accepted: \(limits.types.joined(separator: ", "))")
            }
            // Hashed with the limit enforced while reading: a file that grows after its size was
            // looked at is refused, and the size recorded is the size hashed.
            let read: (digest: String, size: Int64)?
            do {
                read = try SHA256.hexDigest(ofFileAt: URL(fileURLWithPath: path), limit: limits.size)
            } catch {
                return fail("cannot read '\(path)'")
            }
            guard let read else {
                return fail("'\(name)' grew past \(FileLimits.describe(size: limits.size)) while it was read; "
                            + "the limit is \(FileLimits.describe(size: limits.size))")
            }
            result.append(Inspected(reference: AttachmentRef(name: name, size: read.size, mediaType: mediaType, sha256: read.digest),
                                    path: path))
        }
        return .success(result)
    }
}

/// Media types by file extension, for attachments.
public enum MediaTypes {
    static let byExtension: [String: String] = [
        "pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "heic": "image/heic", "svg": "image/svg+xml", "mp4": "video/mp4", "mov": "video/quicktime",
        "webm": "video/webm", "txt": "text/plain", "log": "text/plain", "csv": "text/csv", "json": "application/json",
        "har": "application/json", "xml": "application/xml", "zip": "application/zip", "eml": "message/rfc822",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]

    /// The media type of a file by its extension; `application/octet-stream` when unknown.
    public static func type(forFileName name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }
}
