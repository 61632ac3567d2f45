import Foundation

/// The one-time token the review page's form carries, so that sending it twice (a double click,
/// back and send again, the same review open in two tabs) files one ticket and shows the same
/// confirmation.
///
/// The token is `NONCE.MAC`: the nonce names the run's answers as they were saved when the review
/// was shown (the flow, the user and the draft's save instant), so every tab of the same review
/// carries the same one, while the next run (even with the same answers) gets another; the MAC ties
/// the token to the browser's session (HMAC of the session id and nonce under the portal's key), so
/// a token copied from another session is refused. The nonce is the ticket's idempotency key
/// (``TicketDesk/create(form:checked:requester:workflowID:account:idempotencyKey:language:at:)``):
/// a second submission with it is refused by the store, and shown the first one's confirmation.
/// CSRF is checked as for any form, before the token.
enum SubmissionToken {
    /// The hidden field's name.
    static let field = "_submission"

    /// The token for the review of `flow` by `user`, whose draft was saved at `savedAt`, in the
    /// session `sessionID`.
    static func issue(flow: String, user: String, savedAt: Date?, sessionID: String, key: [UInt8]) -> String {
        let saved = savedAt.map { String(Int64(($0.timeIntervalSince1970 * 1000).rounded())) } ?? Token.random()
        let nonce = String(Token.digest("submission\u{0}\(flow)\u{0}\(user.lowercased())\u{0}\(saved)").prefix(32))
        return nonce + "." + Token.mac("submission\u{0}\(sessionID)\u{0}\(nonce)", key: key)
    }

    /// The nonce of `token` when it was issued to the session `sessionID`, else nil.
    static func nonce(of token: String, sessionID: String, key: [UInt8]) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count == 32, parts[0].utf8.allSatisfy({ isHexDigit($0) }) else { return nil }
        let nonce = String(parts[0])
        guard Token.equal(String(parts[1]), Token.mac("submission\u{0}\(sessionID)\u{0}\(nonce)", key: key)) else { return nil }
        return nonce
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
