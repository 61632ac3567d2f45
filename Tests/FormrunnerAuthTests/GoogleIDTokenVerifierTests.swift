import Crypto
import Foundation
import FormrunnerCore
import FormrunnerAuth
import Testing

@Suite("Google ID token verification")
struct GoogleIDTokenVerifierTests {
    let factory = TokenFactory.shared
    let now = Sample.now

    @Test("a good token gives the verified e-mail, name and subject")
    func good() throws {
        let token = try factory.token(claims: TokenFactory.claims(email: "Ana@Example.com", now: now))
        let identity = try factory.verifier().verify(token, now: now.addingTimeInterval(10))
        #expect(identity == GoogleIdentity(email: "ana@example.com", name: "Ana Souza", subject: "110169484474386276334"))
        var claims = TokenFactory.claims(now: now)
        claims["iss"] = "accounts.google.com"
        claims["aud"] = [TokenFactory.clientID, "other"]
        claims["email_verified"] = "true"
        #expect(try factory.verifier().verify(try factory.token(claims: claims), now: now).email == "ana@example.com")
    }

    @Test("a token signed by another key, or altered after signing, is refused")
    func wrongSignature() throws {
        let signedByOther = try factory.token(claims: TokenFactory.claims(now: now), signer: factory.other)
        #expect(throws: IDTokenError.badSignature) { try factory.verifier().verify(signedByOther, now: now) }

        let good = try factory.token(claims: TokenFactory.claims(now: now))
        let parts = good.split(separator: ".").map(String.init)
        var claims = TokenFactory.claims(email: "mallory@example.com", now: now)
        claims["email_verified"] = true
        let forgedClaims = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let forged = [parts[0], forgedClaims, parts[2]].joined(separator: ".")
        #expect(throws: IDTokenError.badSignature) { try factory.verifier().verify(forged, now: now) }
    }

    @Test("a key id that is not in the key set is refused")
    func wrongKid() throws {
        let token = try factory.token(claims: TokenFactory.claims(now: now), header: ["alg": "RS256", "kid": "rotated-away"])
        #expect(throws: IDTokenError.unknownKey("rotated-away")) { try factory.verifier().verify(token, now: now) }
        let noKid = try factory.token(claims: TokenFactory.claims(now: now), header: ["alg": "RS256"])
        #expect(throws: IDTokenError.unknownKey(nil)) { try factory.verifier().verify(noKid, now: now) }
    }

    @Test("expiry allows 60 s of clock difference, no more")
    func expired() throws {
        let token = try factory.token(claims: TokenFactory.claims(now: now))
        let expiry = now.addingTimeInterval(3600)
        _ = try factory.verifier().verify(token, now: expiry.addingTimeInterval(59))
        #expect(throws: IDTokenError.expired(Date(timeIntervalSince1970: expiry.timeIntervalSince1970.rounded(.down)))) {
            try factory.verifier().verify(token, now: expiry.addingTimeInterval(61))
        }
        #expect(throws: IDTokenError.self) { try factory.verifier().verify(token, now: now.addingTimeInterval(-120)) }
    }

    @Test("a token for another client id is refused")
    func wrongAudience() throws {
        var claims = TokenFactory.claims(now: now)
        claims["aud"] = "someone-else.apps.googleusercontent.com"
        #expect(throws: IDTokenError.wrongAudience) { try factory.verifier().verify(try factory.token(claims: claims), now: now) }
    }

    @Test("a token from another issuer is refused")
    func wrongIssuer() throws {
        var claims = TokenFactory.claims(now: now)
        claims["iss"] = "https://evil.example.com"
        #expect(throws: IDTokenError.wrongIssuer("https://evil.example.com")) {
            try factory.verifier().verify(try factory.token(claims: claims), now: now)
        }
    }

    @Test("alg none and HS256 are refused with clear messages")
    func algorithms() throws {
        let claims = Base64URL.encode(try JSONSerialization.data(withJSONObject: TokenFactory.claims(now: now)))
        let none = Base64URL.encode(Data(#"{"alg":"none","kid":"test-key"}"#.utf8)) + "." + claims + "."
        #expect(throws: IDTokenError.unsupportedAlgorithm("none")) { try factory.verifier().verify(none, now: now) }
        #expect(IDTokenError.unsupportedAlgorithm("none").description
                == "the ID token is not signed (alg none); only RS256 tokens are accepted")

        // HS256 "signed" with the public key as the HMAC secret: the classic confusion attack.
        let header = Base64URL.encode(Data(#"{"alg":"HS256","kid":"test-key"}"#.utf8))
        let mac = HMAC<Crypto.SHA256>.authenticationCode(for: Data((header + "." + claims).utf8),
                                                         using: SymmetricKey(data: factory.key.publicKey.derRepresentation))
        let hs256 = header + "." + claims + "." + Base64URL.encode(Data(mac))
        #expect(throws: IDTokenError.unsupportedAlgorithm("HS256")) { try factory.verifier().verify(hs256, now: now) }
        #expect(IDTokenError.unsupportedAlgorithm("HS256").description
                == "the ID token is signed with HS256; only RS256 tokens are accepted")
    }

    @Test("unverified or missing e-mails are refused")
    func email() throws {
        var claims = TokenFactory.claims(now: now)
        claims["email_verified"] = false
        #expect(throws: IDTokenError.emailNotVerified) { try factory.verifier().verify(try factory.token(claims: claims), now: now) }
        claims.removeValue(forKey: "email_verified")
        #expect(throws: IDTokenError.emailNotVerified) { try factory.verifier().verify(try factory.token(claims: claims), now: now) }
        claims.removeValue(forKey: "email")
        #expect(throws: IDTokenError.emailMissing) { try factory.verifier().verify(try factory.token(claims: claims), now: now) }
    }

    @Test("malformed tokens are refused without quoting them", arguments: ["", "abc", "a.b", "a.b.c.d", "!!.e30.", "e30.!!.x"])
    func malformed(token: String) throws {
        do {
            _ = try factory.verifier().verify(token, now: now)
            Issue.record("accepted \(token)")
        } catch {
            guard case IDTokenError.malformed = error else { Issue.record("unexpected \(error)"); return }
            #expect(token.count < 5 || !"\(error)".contains(token))
        }
    }

    @Test("key sets: non-RSA and encryption keys are skipped, short or broken RSA keys refused")
    func keySets() throws {
        let primitives = try factory.key.publicKey.getKeyPrimitives()
        let n = Base64URL.encode(primitives.modulus), e = Base64URL.encode(primitives.publicExponent)
        let json = """
            {"keys": [
              {"kty": "EC", "kid": "ec", "crv": "P-256", "x": "AA", "y": "AA"},
              {"kty": "RSA", "kid": "enc", "use": "enc", "n": "\(n)", "e": "\(e)"},
              {"kty": "RSA", "kid": "good", "alg": "RS256", "use": "sig", "n": "\(n)", "e": "\(e)"}
            ]}
            """
        #expect(try JSONWebKeySet(json: Data(json.utf8)).keys.keys.sorted() == ["good"])
        #expect(throws: IDTokenError.self) { try JSONWebKeySet(json: Data("[]".utf8)) }
        #expect(throws: IDTokenError.self) {
            try JSONWebKeySet(json: Data(#"{"keys":[{"kty":"RSA","kid":"k","n":"AQAB","e":"AQAB"}]}"#.utf8))
        }
        #expect(throws: IDTokenError.self) { try JSONWebKeySet(json: Data(#"{"keys":[{"kty":"RSA","n":"\#(n)","e":"\#(e)"}]}"#.utf8)) }
    }
}
