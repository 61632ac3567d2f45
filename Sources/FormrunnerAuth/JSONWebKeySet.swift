import _CryptoExtras
import Foundation
import FormrunnerCore

/// The RSA signing keys of a JSON Web Key Set (RFC 7517), such as Google's
/// `https://www.googleapis.com/oauth2/v3/certs`, by key id.
///
/// Keys with `kty` other than `RSA`, with `use` other than `sig`, or with an `alg` other than
/// `RS256` are skipped; RSA keys shorter than 2048 bits are refused.
public struct JSONWebKeySet: Sendable {
    /// The usable keys by `kid`.
    public let keys: [String: _RSA.Signing.PublicKey]

    /// A key set holding `keys`.
    public init(keys: [String: _RSA.Signing.PublicKey]) {
        self.keys = keys
    }

    /// Reads a key set document (`{"keys": [{"kty": "RSA", "kid": …, "n": …, "e": …}, …]}`).
    public init(json: Data) throws(IDTokenError) {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: json)
        } catch {
            throw .invalidKeySet("it is not a JSON key set with a \"keys\" list")
        }
        var keys: [String: _RSA.Signing.PublicKey] = [:]
        for key in document.keys where key.kty == "RSA" && (key.use ?? "sig") == "sig" && (key.alg ?? "RS256") == "RS256" {
            guard let kid = key.kid, !kid.isEmpty else { throw .invalidKeySet("an RSA key has no kid") }
            guard let n = key.n.flatMap(Base64URL.decode), let e = key.e.flatMap(Base64URL.decode) else {
                throw .invalidKeySet("the key '\(kid)' has no valid base64url n and e")
            }
            let publicKey: _RSA.Signing.PublicKey
            do {
                publicKey = try _RSA.Signing.PublicKey(n: n, e: e)
            } catch {
                throw .invalidKeySet("the key '\(kid)' is not a valid RSA public key")
            }
            guard publicKey.keySizeInBits >= 2048 else {
                throw .invalidKeySet("the key '\(kid)' has \(publicKey.keySizeInBits) bits; at least 2048 are required")
            }
            keys[kid] = publicKey
        }
        self.keys = keys
    }

    /// The JSON key set document holding `keys` (for tests and for writing a key set file).
    public static func document(_ keys: [String: _RSA.Signing.PublicKey]) throws -> Data {
        let entries = try keys.sorted { $0.key < $1.key }.map { kid, key in
            let primitives = try key.getKeyPrimitives()
            return Key(kty: "RSA", kid: kid, use: "sig", alg: "RS256", n: Base64URL.encode(primitives.modulus),
                       e: Base64URL.encode(primitives.publicExponent))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Document(keys: entries))
    }

    private struct Document: Codable {
        var keys: [Key]
    }

    private struct Key: Codable {
        var kty: String?
        var kid: String?
        var use: String?
        var alg: String?
        var n: String?
        var e: String?
    }
}
