import Foundation
import FormrunnerCore
import Hummingbird
import NIOCore

/// One request as the portal sees it: the browser's session (loaded or new), the page language,
/// who is signed in. Handlers change it; ``Portal/respond(_:_:)`` writes it back with the response.
struct Visit: Sendable {
    /// The session's id, as in the cookie.
    var sessionID: String
    var session: WebSession
    /// Whether the session must be written back (changed, or due for a touch). An anonymous visitor
    /// who only looks is never written: their CSRF token is derived from the id (``Portal/anonymousSession(id:at:)``).
    var changed: Bool
    /// Whether the browser must be given the session's cookie (it sent none, or another id).
    var needsCookie = false
    /// The language of the pages: the person's choice, else the browser's, else English.
    var language: String
    /// The signed-in user, read from the directory on each request (a removed user is signed out).
    var user: UserRecord?
    /// The client's socket address.
    var peer: SocketAddress?
    /// The client's IP address, for attempt limits.
    var client: String { PortalContext.clientAddress(peer) }
    /// The request's path and query, to come back to after signing in.
    var path: String

    static let cookieName = "formrunner_session"
    static let languages = ["en", "pt", "es"]
}

extension Portal {
    /// Loads (or starts) the session of `request` and works out the language and the user.
    func visit(_ request: Request, _ context: PortalContext) async throws -> Visit {
        let now = self.now
        let cookie = CookieHeader.value(Visit.cookieName, in: request) ?? ""
        var sessionID = cookie
        var session: WebSession
        var changed = false
        if !sessionID.isEmpty, let stored = try await sessions.load(sessionID, now: now) {
            session = stored
            if now.timeIntervalSince(stored.seenAt) > settings.sessions.touchInterval {
                session.seenAt = now
                changed = true
            }
        } else {
            // Not in the store: a visitor who has only looked so far (or whose session ended).
            if !Token.isWellFormed(sessionID) { sessionID = Token.random() }
            session = anonymousSession(id: sessionID, at: now)
        }
        // The query is parsed only when it may hold a language (parsing it was 1% of a page).
        if request.uri.query?.contains("lang=") == true,
           let asked = request.uri.queryParameters["lang"].map(String.init), Visit.languages.contains(asked),
           session.language != asked {
            session.language = asked
            changed = true
        }
        let language = session.language ?? Self.preferredLanguage(request.headers[.acceptLanguage] ?? "")
        var user: UserRecord?
        if let email = session.email {
            user = try await signedInUser(email: email)
            if user == nil {
                session.email = nil
                changed = true
            }
        }
        return Visit(sessionID: sessionID, session: session, changed: changed, needsCookie: sessionID != cookie,
                     language: language, user: user, peer: context.peer, path: request.uri.path)
    }

    /// The user signed in as `email`, from the portal's cache when the request may read from it.
    private func signedInUser(email: String) async throws -> UserRecord? {
        guard let tag = StateTag.current?.presented else { return try await services.directory.user(email: email) }
        if let cached = users.value(email, tag: tag, now: now) { return cached }
        let user = try await services.directory.user(email: email)
        users.store(user, key: email, tag: tag, now: now)
        return user
    }

    /// The session of a visitor not in the store: anonymous, its CSRF token the HMAC of its id under
    /// the portal's key (the same on every request and in every process, and unguessable without
    /// the key), written to the store only once something in it changes.
    func anonymousSession(id: String, at now: Date) -> WebSession {
        WebSession(email: nil, csrf: Token.mac(id, key: settings.sessionKey), createdAt: now, seenAt: now)
    }

    /// The first of en, pt, es that an `Accept-Language` header names (by its q order), else en.
    static func preferredLanguage(_ header: String) -> String {
        guard !header.isEmpty else { return "en" }
        let ranked = header.split(separator: ",").compactMap { item -> (String, Double)? in
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { return nil }
            let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return (String(tag.prefix(2)), quality)
        }
        for (tag, _) in ranked.sorted(by: { $0.1 > $1.1 }) where Visit.languages.contains(tag) { return tag }
        return "en"
    }

    /// Writes the session back when it changed and sets its cookie on `response`.
    func respond(_ visit: Visit, _ response: Response) async throws -> Response {
        var response = response
        if visit.changed {
            try await sessions.save(visit.session, id: visit.sessionID, now: now)
        }
        if visit.changed || visit.needsCookie {
            response.setCookie(Cookie(name: Visit.cookieName, value: visit.sessionID, path: "/",
                                      secure: settings.secureCookies, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    /// Signs `user` in: a new session id (the old one is ended), a new CSRF token.
    func signIn(_ user: UserRecord, visit: inout Visit) async throws {
        try await sessions.delete(visit.sessionID)
        visit.sessionID = Token.random()
        visit.session.email = user.email
        visit.session.csrf = Token.random()
        visit.session.pendingEmail = nil
        visit.session.pendingSecondFactor = nil
        visit.session.codesSent = []
        visit.user = user
        visit.changed = true
        // Someone who never chose a language here gets their stored preference: the language of
        // their latest ticket.
        if visit.session.language == nil,
           let stored = try await services.desk.store.list(requester: user.email, status: nil, before: nil, limit: 1).first?.language {
            visit.session.language = stored
            visit.language = stored
        }
    }

    /// Signs out: the session is ended and a fresh anonymous one begins.
    func signOut(visit: inout Visit) async throws {
        try await sessions.delete(visit.sessionID)
        let language = visit.session.language
        visit.sessionID = Token.random()
        visit.session = anonymousSession(id: visit.sessionID, at: now)
        visit.session.language = language
        visit.user = nil
        visit.changed = true
    }
}
