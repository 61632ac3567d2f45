import Foundation

/// Why an OpenID Connect ID token was refused. Messages never quote the token.
public enum IDTokenError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The token is not a compact JWS with JSON header and claims.
    case malformed(String)
    /// The header names an algorithm other than RS256 (`none` and HS256 included).
    case unsupportedAlgorithm(String)
    /// The header's key id is missing or not in the configured key set.
    case unknownKey(String?)
    /// The signature does not verify with the named key.
    case badSignature
    /// The issuer is not Google.
    case wrongIssuer(String)
    /// The token was issued for another client id.
    case wrongAudience
    /// The token expired at the given instant (leeway already allowed).
    case expired(Date)
    /// The token says it was issued after now (leeway already allowed).
    case issuedInFuture(Date)
    /// The token carries no e-mail.
    case emailMissing
    /// Google has not verified the e-mail.
    case emailNotVerified
    /// The configured key set cannot be used.
    case invalidKeySet(String)

    public var description: String {
        switch self {
        case .malformed(let what): return "the ID token is malformed: \(what)"
        case .unsupportedAlgorithm(let algorithm) where algorithm.lowercased() == "none":
            return "the ID token is not signed (alg none); only RS256 tokens are accepted"
        case .unsupportedAlgorithm(let algorithm):
            return "the ID token is signed with \(algorithm); only RS256 tokens are accepted"
        case .unknownKey(let kid?):
            return "the ID token was signed with the key '\(kid)', which is not in the configured Google key set; refresh the keys"
        case .unknownKey(nil): return "the ID token does not name its signing key (kid)"
        case .badSignature: return "the ID token's signature is not valid"
        case .wrongIssuer(let issuer): return "the ID token was issued by '\(issuer)', not by Google"
        case .wrongAudience: return "the ID token was issued for another application"
        case .expired(let at): return "the ID token expired at \(at.formatted(.iso8601)); sign in again"
        case .issuedInFuture(let at):
            return "the ID token says it was issued at \(at.formatted(.iso8601)), in the future; check this computer's clock"
        case .emailMissing: return "the ID token carries no e-mail address"
        case .emailNotVerified: return "Google has not verified this account's e-mail address"
        case .invalidKeySet(let reason): return "the Google key set cannot be used: \(reason)"
        }
    }
}
