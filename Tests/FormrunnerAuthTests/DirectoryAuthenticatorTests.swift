import Foundation
import FormrunnerAuth
import FormrunnerCore
import Testing

@Suite("Directory authenticator")
struct DirectoryAuthenticatorTests {
    static let hasher = PasswordHasher(iterations: PasswordHasher.minimumIterations)
    static let password = "correct horse battery"
    static let totpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    /// Hashed once: each hash takes a noticeable fraction of a second by design.
    static let passwordHash: String? = try? hasher.hash(password)
    let now = Sample.now

    /// A directory with Ana (password, TOTP, phone) and Bruno (password only), and an authenticator.
    static func setUp(_ configuration: DirectoryAuthenticator.Configuration) async throws -> DirectoryAuthenticator {
        let hash = try #require(passwordHash)
        var ana = Sample.user()
        ana.passwordHash = hash
        ana.totpSecret = totpSecret
        var bruno = UserRecord(email: "bruno@example.com", name: "Bruno", createdAt: Sample.now)
        bruno.passwordHash = hash
        return DirectoryAuthenticator(directory: InMemoryUserDirectory([ana, bruno]), codes: InMemoryOneTimeCodeStore(),
                                      configuration: configuration)
    }

    static func configuration(secondFactors: [StepDefinition.Authentication.SecondFactor] = [],
                              google: GoogleIDTokenVerifier? = nil) -> DirectoryAuthenticator.Configuration {
        DirectoryAuthenticator.Configuration(secondFactors: secondFactors, google: google, passwordHasher: hasher)
    }

    /// The failure `body` throws, recording an issue if it succeeds.
    func failure(_ body: () async throws(AuthenticationFailure) -> UserRecord) async -> AuthenticationFailure? {
        do {
            let user = try await body()
            Issue.record("signed in as \(user.email)")
            return nil
        } catch {
            return error
        }
    }

    func totpCode(at date: Date) throws -> String {
        TOTP().code(secret: try #require(Base32.decode(Self.totpSecret)), at: date)
    }

    @Test("password alone when no second factor is asked for; wrong password and unknown e-mail look the same")
    func password() async throws {
        let auth = try await Self.setUp(Self.configuration())
        let user = try await auth.authenticate(.password(email: "ANA@example.com", password: Self.password, secondFactor: nil), now: now)
        #expect(user.email == "ana@example.com")
        let wrong = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "ana@example.com", password: "guess", secondFactor: nil), now: now)
        }
        let unknown = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "zoe@example.com", password: Self.password, secondFactor: nil), now: now)
        }
        #expect(wrong == .wrongEmailOrPassword && unknown == .wrongEmailOrPassword)
        #expect(wrong?.message == "the e-mail or the password is not right")
    }

    @Test("with second factors, a right password asks for one the user has")
    func secondFactorRequired() async throws {
        let auth = try await Self.setUp(Self.configuration(secondFactors: [.totp, .sms]))
        let ana = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "ana@example.com", password: Self.password, secondFactor: nil), now: now)
        }
        #expect(ana == .secondFactorRequired([.totp, .sms]))
        #expect(ana?.message == "enter the code from your authenticator app, or ask for a code by SMS")
        let bruno = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "bruno@example.com", password: Self.password, secondFactor: nil), now: now)
        }
        #expect(bruno == .secondFactorNotSetUp)
        let wrongFirst = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "ana@example.com", password: "guess", secondFactor: .totp("000000")), now: now)
        }
        #expect(wrongFirst == .wrongEmailOrPassword)
    }

    @Test("a TOTP code signs in once; a wrong one is refused")
    func totp() async throws {
        let auth = try await Self.setUp(Self.configuration(secondFactors: [.totp]))
        let code = try totpCode(at: now)
        let credentials = Credentials.password(email: "ana@example.com", password: Self.password, secondFactor: .totp(code))
        #expect(try await auth.authenticate(credentials, now: now).email == "ana@example.com")
        let replay = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(credentials, now: now.addingTimeInterval(5))
        }
        #expect(replay == .authenticatorCodeReused)
        let next = try totpCode(at: now.addingTimeInterval(30))
        #expect(try await auth.authenticate(.password(email: "ana@example.com", password: Self.password, secondFactor: .totp(next)),
                                            now: now.addingTimeInterval(30)).email == "ana@example.com")
        let wrongCode = code == "123456" ? "654321" : "123456"
        let wrong = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "ana@example.com", password: Self.password, secondFactor: .totp(wrongCode)),
                                        now: now.addingTimeInterval(300))
        }
        #expect(wrong == .wrongAuthenticatorCode && wrong?.message == "the authenticator code is not right")
        let smsNotOffered = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.password(email: "ana@example.com", password: Self.password, secondFactor: .sms("123456")), now: now)
        }
        #expect(smsNotOffered == .secondFactorRequired([.totp]))
    }

    @Test("an SMS code is sent after the password and signs in once")
    func sms() async throws {
        let auth = try await Self.setUp(Self.configuration(secondFactors: [.sms]))
        let challenge = try await auth.requestSMSCode(email: "ana@example.com", password: Self.password, now: now)
        #expect(challenge.phone == "+55 11 99999-0000" && challenge.code.code.count == 6)
        let credentials = Credentials.password(email: "ana@example.com", password: Self.password, secondFactor: .sms(challenge.code.code))
        #expect(try await auth.authenticate(credentials, now: now.addingTimeInterval(20)).email == "ana@example.com")
        let again = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(credentials, now: now.addingTimeInterval(25))
        }
        #expect(again == .code(.noCode))
        do {
            _ = try await auth.requestSMSCode(email: "ana@example.com", password: "guess", now: now.addingTimeInterval(90))
            Issue.record("an SMS code was sent without the password")
        } catch {
            #expect(error == .wrongEmailOrPassword)
        }
        do {
            _ = try await auth.requestSMSCode(email: "bruno@example.com", password: Self.password, now: now)
            Issue.record("an SMS code was sent to a user without a phone")
        } catch {
            #expect(error == .secondFactorNotSetUp)
        }
    }

    @Test("an unknown address is answered exactly as a known one: same cool-down, same wrong-code messages")
    func unknownAddressLooksKnown() async throws {
        let auth = try await Self.setUp(Self.configuration(secondFactors: [.totp]))
        for email in ["ana@example.com", "zoe@example.com"] {
            _ = try await auth.requestEmailToken(email: email, now: now)
            do {
                _ = try await auth.requestEmailToken(email: email, now: now.addingTimeInterval(18))
                Issue.record("a second code was issued during the cool-down for \(email)")
            } catch {
                #expect(error.message == "wait 42 s before asking for another code", "\(email)")
            }
            let wrong = await failure { () async throws(AuthenticationFailure) in
                try await auth.authenticate(.emailToken(email: email, code: "000000"), now: now.addingTimeInterval(20))
            }
            #expect(wrong?.message == "the code is not right; 4 attempts left", "\(email)")
        }
    }

    @Test("an e-mailed code signs in once; unknown addresses get no code")
    func emailToken() async throws {
        let auth = try await Self.setUp(Self.configuration(secondFactors: [.totp]))
        let issued = try #require(try await auth.requestEmailToken(email: "Ana@example.com", now: now))
        #expect(try await auth.requestEmailToken(email: "zoe@example.com", now: now) == nil)
        do {
            _ = try await auth.requestEmailToken(email: "ana@example.com", now: now.addingTimeInterval(18))
            Issue.record("a second code was sent during the cool-down")
        } catch {
            #expect(error.message == "wait 42 s before asking for another code")
        }
        let credentials = Credentials.emailToken(email: "ana@example.com", code: issued.code)
        #expect(try await auth.authenticate(credentials, now: now.addingTimeInterval(30)).name == "Ana Souza")
        let again = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(credentials, now: now.addingTimeInterval(31))
        }
        #expect(again == .code(.noCode))
    }

    @Test("Google: a verified token for a known e-mail signs in; others get a clear refusal")
    func google() async throws {
        let factory = TokenFactory.shared
        let auth = try await Self.setUp(Self.configuration(google: try factory.verifier()))
        let token = try factory.token(claims: TokenFactory.claims(now: now))
        #expect(try await auth.authenticate(.google(idToken: token), now: now).email == "ana@example.com")
        let stranger = try factory.token(claims: TokenFactory.claims(email: "zoe@example.com", now: now))
        let refused = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.google(idToken: stranger), now: now)
        }
        #expect(refused == .noAccess(email: "zoe@example.com"))
        let expired = await failure { () async throws(AuthenticationFailure) in
            try await auth.authenticate(.google(idToken: token), now: now.addingTimeInterval(7200))
        }
        guard case .googleToken(.expired) = expired else { Issue.record("\(String(describing: expired))"); return }
        #expect(expired?.message.hasPrefix("Google sign-in failed: the ID token expired at") == true)
        #expect(expired?.message.contains(token) == false)
    }

    @Test("methods the step does not offer are refused; Google needs a verifier")
    func methods() async throws {
        let step = try TechnicalSupport.authenticationStep()
        #expect(step.methods == [.emailToken, .google, .password] && step.secondFactors == [.totp, .sms])
        let fromStep = DirectoryAuthenticator.Configuration(step: step, passwordHasher: Self.hasher)
        #expect(fromStep.secondFactors == [.totp, .sms])
        let googleOnly = try await Self.setUp(DirectoryAuthenticator.Configuration(methods: [.google], passwordHasher: Self.hasher))
        let password = await failure { () async throws(AuthenticationFailure) in
            try await googleOnly.authenticate(.password(email: "ana@example.com", password: Self.password, secondFactor: nil), now: now)
        }
        #expect(password == .methodNotOffered(.password) && password?.message == "signing in with a password is not offered here")
        let noVerifier = try await Self.setUp(Self.configuration())
        let google = await failure { () async throws(AuthenticationFailure) in
            try await noVerifier.authenticate(.google(idToken: "x.y.z"), now: now)
        }
        #expect(google == .methodNotOffered(.google))
    }

    @Test("no secret appears in credentials, failures or users when printed")
    func noSecretsShown() async throws {
        let credentials = Credentials.password(email: "ana@example.com", password: Self.password, secondFactor: .totp("492039"))
        for text in [String(describing: credentials), String(reflecting: credentials), dumped(credentials)] {
            #expect(!text.contains(Self.password) && !text.contains("492039"))
        }
        #expect(!String(describing: Credentials.emailToken(email: "a@b.c", code: "123456")).contains("123456"))
        #expect(!String(describing: Credentials.google(idToken: "eyJsecret")).contains("eyJsecret"))
        let user = Sample.user()
        for text in [String(describing: user), String(reflecting: user), dumped(user)] {
            #expect(!text.contains("JBSWY3DPEHPK3PXP") && !text.contains(user.passwordHash!))
            #expect(text.contains("ana@example.com"))
        }
    }

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}
