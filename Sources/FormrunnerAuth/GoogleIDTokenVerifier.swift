import Crypto
import _CryptoExtras
import Foundation
import FormrunnerCore

/// Who a verified Google ID token says the user is.
public struct GoogleIdentity: Hashable, Sendable {
    /// The verified e-mail, normalised like ``FormrunnerCore/UserRecord/email``.
    public var email: String
    /// The name on the Google account, if the token carries one.
    public var name: String?
    /// Google's stable id for the account (`sub`).
    public var subject: String?

    /// An identity (the e-mail is normalised).
    public init(email: String, name: String?, subject: String?) {
        self.email = UserRecord.normalizedEmail(email)
        self.name = name
        self.subject = subject
    }
}

/// Checks a Google Sign-In OpenID Connect ID token against a configured key set, offline.
///
/// In order: the token must be a compact JWS whose header says `alg: RS256` (`none`, HS256 and every
/// other algorithm are refused before anything else is looked at); its `kid` must be in the key set;
/// the PKCS #1 v1.5 SHA-256 signature must verify; then the claims: `iss` is `accounts.google.com` or
/// `https://accounts.google.com`, `aud` is the configured client id, `exp` is after now and `iat`
/// not after now (both with ``leeway``), and `email_verified` is true.
///
/// The key set is not fetched here: Google rotates its keys, so callers refresh the JWKS document
/// (`https://www.googleapis.com/oauth2/v3/certs`) and build a new verifier.
public struct GoogleIDTokenVerifier: Sendable {
    /// The issuers Google uses.
    public static let issuers: Set<String> = ["accounts.google.com", "https://accounts.google.com"]

    /// The OAuth client id tokens must be issued for.
    public let clientID: String
    /// The keys signatures are checked with.
    public let keys: JSONWebKeySet
    /// Seconds of clock difference allowed on `exp` and `iat`.
    public let leeway: TimeInterval

    /// A verifier for tokens issued to `clientID`, signed by a key in `keys`.
    public init(clientID: String, keys: JSONWebKeySet, leeway: TimeInterval = 60) {
        self.clientID = clientID
        self.keys = keys
        self.leeway = leeway
    }

    /// The identity `token` proves at `now`, or the reason it proves nothing.
    public func verify(_ token: String, now: Date = Date()) throws(IDTokenError) -> GoogleIdentity {
        let parts = try IDTokenParts(token)
        guard let algorithm = parts.header.alg else { throw .malformed("the header has no alg") }
        guard algorithm == "RS256" else { throw .unsupportedAlgorithm(algorithm) }
        guard let kid = parts.header.kid, let key = keys.keys[kid] else { throw .unknownKey(parts.header.kid) }
        let signature = _RSA.Signing.RSASignature(rawRepresentation: parts.signature)
        guard key.isValidSignature(signature, for: Crypto.SHA256.hash(data: parts.signingInput),
                                   padding: .insecurePKCS1v1_5) else { throw .badSignature }

        let claims = parts.claims
        guard let issuer = claims.iss else { throw .malformed("the claims have no iss") }
        guard GoogleIDTokenVerifier.issuers.contains(issuer) else { throw .wrongIssuer(issuer) }
        guard let audience = claims.aud?.values, audience.contains(clientID) else { throw .wrongAudience }
        guard let exp = claims.exp else { throw .malformed("the claims have no exp") }
        let expiry = Date(timeIntervalSince1970: exp)
        guard now < expiry.addingTimeInterval(leeway) else { throw .expired(expiry) }
        if let iat = claims.iat {
            let issued = Date(timeIntervalSince1970: iat)
            guard issued <= now.addingTimeInterval(leeway) else { throw .issuedInFuture(issued) }
        }
        guard let email = claims.email, !email.isEmpty else { throw .emailMissing }
        guard claims.emailVerified?.value == true else { throw .emailNotVerified }
        return GoogleIdentity(email: UserRecord.normalizedEmail(email), name: claims.name, subject: claims.sub)
    }
}
