import Hummingbird

/// Turns Hummingbird's bare 404 for an unknown path into the portal's own page, in the visitor's
/// language, with a way back home.
struct NotFoundPage: RouterMiddleware {
    let portal: Portal

    func handle(_ request: Request, context: PortalContext,
                next: (Request, PortalContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            return try await portal.handle(request, context) { visit in
                portal.errorPage(&visit, .notFound)
            }
        }
    }
}
