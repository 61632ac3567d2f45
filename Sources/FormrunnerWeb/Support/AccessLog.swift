import Foundation
import Hummingbird
import Logging

/// One structured log line per request: method, path (never the query: it may hold a search), status,
/// duration and the request id. Bodies, answers, codes and cookies are never logged.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let elapsed = ContinuousClock.now - start
            // Tenths of a millisecond, written without `String(format:)` (a few per cent of a page's CPU).
            let tenths = elapsed.components.seconds * 10_000 + elapsed.components.attoseconds / 100_000_000_000_000
            logger.info("request", metadata: [
                "request_id": .string(context.id), "method": .string(request.method.rawValue),
                "path": .string(Self.loggedPath(request.uri.path)), "status": .stringConvertible(status),
                "ms": .string("\(tenths / 10).\(tenths % 10)"),
            ])
        }
        do {
            let response = try await next(request, context)
            status = response.status.code
            return response
        } catch let error as any HTTPResponseError {
            status = error.status.code
            throw error
        }
    }

    /// The path with survey tokens hidden: a token in a log would let a reader answer the survey.
    static func loggedPath(_ path: String) -> String {
        path.hasPrefix("/survey/") ? "/survey/…" : path
    }
}
