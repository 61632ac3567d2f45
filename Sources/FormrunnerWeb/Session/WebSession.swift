import Foundation

/// What the server keeps about one browser between requests: who signed in, the CSRF token, the
/// language, and a sign-in in progress. Kept in the store (never in the cookie, which holds only a
/// random id), so any `serve` process sharing the store serves any request.
struct WebSession: Codable, Sendable {
    /// The signed-in user's e-mail, or nil.
    var email: String?
    /// The token every state-changing form must carry.
    var csrf: String
    /// When the session was created; it ends after ``SessionPolicy/absoluteLifetime`` whatever happens.
    var createdAt: Date
    /// When the session was last used.
    var seenAt: Date
    /// The language the person chose (`en`, `pt`, `es`), or nil to follow the browser.
    var language: String?
    /// The address an e-mailed sign-in code was requested for.
    var pendingEmail: String?
    /// A password sign-in whose password was right and that waits for its second factor.
    var pendingSecondFactor: PendingSecondFactor?
    /// The flow code steps whose code was already sent in this session (`workflow:step`).
    var codesSent: [String] = []
    /// A message to show once on the next page.
    var flash: Flash?
    /// The last ticket this session filed, with its review's submission token nonce: the same review
    /// sent again (a double click, another tab) is shown that ticket's confirmation.
    var lastSubmission: FiledSubmission?

    /// A ticket filed from a review page.
    struct FiledSubmission: Codable, Sendable {
        /// The nonce of the review's ``SubmissionToken``.
        var nonce: String
        var flow: String
        var number: Int64
    }

    /// A password sign-in waiting for its second factor: the proof that the password was right.
    struct PendingSecondFactor: Codable, Sendable {
        var email: String
        /// The second factors the user can give (`totp`, `sms`).
        var factors: [String]
        /// The one chosen, once chosen.
        var chosen: String?
        /// The proof is good for a few minutes only.
        var verifiedAt: Date
    }

    /// A one-time message.
    struct Flash: Codable, Sendable {
        /// `status` (a notice) or `alert` (a problem).
        var role: String
        var text: String
    }
}
