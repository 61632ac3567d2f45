import Crypto
import _CryptoExtras
import Foundation
import FormrunnerAuth

/// Signs ID tokens with an RSA key made for the test run, and publishes its key set.
struct TokenFactory: Sendable {
    static let clientID = "1234-formrunner.apps.googleusercontent.com"
    /// One key for the whole run: generating RSA keys is slow.
    static let shared = TokenFactory()

    let key: _RSA.Signing.PrivateKey
    let other: _RSA.Signing.PrivateKey

    private init() {
        // Test-only: a failure here is a broken crypto library, not a test outcome.
        key = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
        other = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    }

    /// The key set holding the test key as `test-key`, built from its JSON document (n, e).
    func keySet() throws -> JSONWebKeySet {
        try JSONWebKeySet(json: try JSONWebKeySet.document(["test-key": key.publicKey]))
    }

    /// A verifier for ``clientID`` trusting ``keySet()``.
    func verifier() throws -> GoogleIDTokenVerifier {
        GoogleIDTokenVerifier(clientID: TokenFactory.clientID, keys: try keySet())
    }

    /// Claims of a good token for `email` issued at `now`, valid an hour.
    static func claims(email: String = "ana@example.com", now: Date) -> [String: Any] {
        ["iss": "https://accounts.google.com", "aud": clientID, "sub": "110169484474386276334",
         "email": email, "email_verified": true, "name": "Ana Souza",
         "iat": Int(now.timeIntervalSince1970), "exp": Int(now.timeIntervalSince1970) + 3600]
    }

    /// A compact JWS of `claims` with `header`, signed RS256 by `signer` (the test key by default).
    func token(claims: [String: Any], header: [String: Any] = ["alg": "RS256", "kid": "test-key", "typ": "JWT"],
               signer: _RSA.Signing.PrivateKey? = nil) throws -> String {
        let input = Base64URL.encode(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])) + "."
            + Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let signature = try (signer ?? key).signature(for: Crypto.SHA256.hash(data: Data(input.utf8)),
                                                      padding: .insecurePKCS1v1_5)
        return input + "." + Base64URL.encode(signature.rawRepresentation)
    }
}
