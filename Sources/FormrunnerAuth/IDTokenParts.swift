import Foundation
import FormrunnerCore

/// A compact JWS split into its parts, with header and claims decoded (nothing verified yet).
struct IDTokenParts {
    /// The JOSE header fields the verifier reads.
    struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    /// The ID token claims the verifier reads.
    struct Claims: Decodable {
        var iss: String?
        var aud: Audience?
        var exp: Double?
        var iat: Double?
        var sub: String?
        var email: String?
        var emailVerified: Flag?
        var name: String?

        enum CodingKeys: String, CodingKey {
            case iss, aud, exp, iat, sub, email, name
            case emailVerified = "email_verified"
        }
    }

    /// `aud`: one string or a list of them.
    struct Audience: Decodable {
        var values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) {
                values = [one]
            } else {
                values = try container.decode([String].self)
            }
        }
    }

    /// A boolean claim, which some issuers send as the string `"true"`.
    struct Flag: Decodable {
        var value: Bool

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                value = flag
            } else {
                value = try container.decode(String.self).lowercased() == "true"
            }
        }
    }

    var header: Header
    var claims: Claims
    /// The bytes the signature covers: `header.payload` as sent.
    var signingInput: Data
    var signature: Data

    /// Splits and decodes `token`.
    init(_ token: String) throws(IDTokenError) {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .malformed("it does not have the three parts header.claims.signature") }
        guard let headerBytes = Base64URL.decode(parts[0]), let claimBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]) else {
            throw .malformed("a part is not base64url")
        }
        do {
            header = try JSONDecoder().decode(Header.self, from: headerBytes)
        } catch {
            throw .malformed("the header is not a JSON object")
        }
        do {
            claims = try JSONDecoder().decode(Claims.self, from: claimBytes)
        } catch {
            throw .malformed("the claims are not a JSON object of the expected types")
        }
        signingInput = Data((parts[0] + "." + parts[1]).utf8)
        self.signature = signature
    }
}
