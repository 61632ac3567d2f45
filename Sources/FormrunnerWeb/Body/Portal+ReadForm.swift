import Foundation
import FormrunnerCore
import Hummingbird

/// Why a request was refused before its handler ran: shown as an error page with its status.
struct PortalRefusal: Error {
    var status: HTTPResponse.Status
    var message: PageText
    /// Seconds to wait, for 429 (sent as `Retry-After`).
    var retryAfter: Int?

    static let notFound = PortalRefusal(status: .notFound, message: .notFoundText)
    static let forbidden = PortalRefusal(status: .forbidden, message: .forbidden)
}

extension Portal {
    /// Reads a posted form (URL-encoded, or multipart with files streamed to the upload folder) and
    /// checks its CSRF token against the session's: a missing or wrong token is 403 and any uploaded
    /// file is deleted. `limits` gives the count and size limits of each file field.
    func readForm(_ request: Request, context: PortalContext, visit: Visit,
                  limits: @escaping (String) -> FileLimits? = { _ in nil }) async throws -> FormBody {
        let contentType = request.headers[.contentType] ?? ""
        var body: FormBody
        if contentType.lowercased().hasPrefix("multipart/form-data"), let boundary = Self.boundary(of: contentType) {
            body = try await readMultipart(request, boundary: boundary, limits: limits)
        } else if contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") || contentType.isEmpty {
            let buffer: ByteBuffer
            do {
                buffer = try await request.body.collect(upTo: context.maxUploadSize)
            } catch {
                throw PortalRefusal(status: .contentTooLarge, message: .serverError)
            }
            body = FormBody.urlEncoded(String(buffer: buffer))
        } else {
            throw PortalRefusal(status: .unsupportedMediaType, message: .forbidden)
        }
        guard let token = body.first("_csrf"), Token.equal(token, visit.session.csrf) else {
            for file in body.files.values.flatMap({ $0 }) {
                try? FileManager.default.removeItem(atPath: (file.path as NSString).deletingLastPathComponent)
            }
            throw PortalRefusal.forbidden
        }
        body.values["_csrf"] = nil
        return body
    }

    /// Reads a multipart body on ``ServerExecutor/blocking``: the scanning and file writes of a large
    /// upload never hold the event loop that also serves other connections.
    private func readMultipart(_ request: Request, boundary: String,
                               limits: @escaping (String) -> FileLimits?) async throws -> FormBody {
        let maxUpload = settings.maxUpload
        let folder = settings.uploads
        let result: Result<FormBody, FormBodyError> = try await withTaskExecutorPreference(ServerExecutor.blocking) {
            let reader = MultipartReader(boundary: boundary, folder: folder, limits: limits)
            defer { reader.finish() }
            var total: Int64 = 0
            do {
                for try await buffer in request.body {
                    total += Int64(buffer.readableBytes)
                    guard total <= maxUpload else { throw FormBodyError.tooLarge("the upload is too large") }
                    try reader.feed(buffer)
                }
                guard reader.isComplete else { throw FormBodyError.malformed }
            } catch let failure as FormBodyError {
                return .failure(failure)
            }
            return .success(reader.body)
        }
        switch result {
        case .success(let body): return body
        case .failure(.malformed): throw PortalRefusal(status: .badRequest, message: .forbidden)
        case .failure: throw PortalRefusal(status: .contentTooLarge, message: .serverError)
        }
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty || value.count > 200 ? nil : value
        }
        return nil
    }
}
