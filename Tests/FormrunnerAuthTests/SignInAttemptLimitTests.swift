import Foundation
import FormrunnerAuth
import FormrunnerCore
import Testing

/// Failed sign-ins are limited per address and per source, in the identity store that every process
/// shares: a back-off, then a lock-out the person is told about and an administrator can lift.
@Suite("Sign-in attempt limits")
struct SignInAttemptLimitTests {
    typealias Tests = DirectoryAuthenticatorTests
    let now = Sample.now

    /// An authenticator over `stores` with Ana (password, TOTP, phone) in the directory.
    static func authenticator(_ stores: IdentityStoreKind.Stores, secondFactors: [StepDefinition.Authentication.SecondFactor] = [],
                              source: String? = nil) async throws -> DirectoryAuthenticator {
        var ana = Sample.user()
        ana.passwordHash = Tests.passwordHash
        ana.totpSecret = Tests.totpSecret
        try await stores.users.add(ana)
        var configuration = Tests.configuration(secondFactors: secondFactors)
        configuration.source = source
        return DirectoryAuthenticator(directory: stores.users, codes: stores.codes, configuration: configuration)
    }

    /// The failure of signing in with `credentials` at `at`, or nil when it succeeded.
    func attempt(_ auth: DirectoryAuthenticator, _ credentials: Credentials, at: Date) async -> AuthenticationFailure? {
        do {
            _ = try await auth.authenticate(credentials, now: at)
            return nil
        } catch {
            return error
        }
    }

    static func wrongPassword(_ email: String = "ana@example.com") -> Credentials {
        .password(email: email, password: "guess", secondFactor: nil)
    }

    @Test("five wrong passwords make the address wait 30 s, even for the right password", arguments: IdentityStoreKind.all)
    func backOff(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores)
            var failures: [AuthenticationFailure?] = []
            for _ in 1...5 { failures.append(await attempt(auth, Self.wrongPassword(), at: now)) }
            #expect(failures.prefix(4).allSatisfy { $0 == .wrongEmailOrPassword })
            #expect(failures.last == .tooManyAttempts(seconds: 30))
            #expect(failures.last??.message == "too many failed sign-ins; wait 30 s and try again")
            let right = Credentials.password(email: "ana@example.com", password: Tests.password, secondFactor: nil)
            #expect(await attempt(auth, right, at: now.addingTimeInterval(10)) == .tooManyAttempts(seconds: 20))
            #expect(await attempt(auth, right, at: now.addingTimeInterval(30)) == nil)
            // A success forgets the failures: the next wrong one is told plainly again.
            #expect(await attempt(auth, Self.wrongPassword(), at: now.addingTimeInterval(31)) == .wrongEmailOrPassword)
        }
    }

    @Test("thirty wrong passwords then the right one: locked out, told so, until an administrator unlocks",
          arguments: IdentityStoreKind.all)
    func lockOut(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores)
            var at = now
            for _ in 1...30 {
                _ = await attempt(auth, Self.wrongPassword(), at: at)
                at.addTimeInterval(16 * 60)   // past every back-off
            }
            let right = Credentials.password(email: "ana@example.com", password: Tests.password, secondFactor: nil)
            let refused = await attempt(auth, right, at: at)
            guard case .lockedOut(let until) = refused else { Issue.record("\(String(describing: refused))"); return }
            // Locked at the 20th failure, for a day; the tries during the lock-out were not even checked.
            #expect(until == now.addingTimeInterval(19 * 16 * 60 + 86_400).roundedToMilliseconds)
            #expect(refused?.message == "too many failed sign-ins: signing in is locked until \(until.formatted(.iso8601)); "
                    + "ask an administrator to unlock it")
            #expect(try await DirectoryAuthenticator.unlock(email: "ANA@example.com", in: stores.codes))
            #expect(await attempt(auth, right, at: at) == nil)
            #expect(try await DirectoryAuthenticator.unlock(email: "ana@example.com", in: stores.codes) == false)
        }
    }

    @Test("wrong authenticator codes count against the address, the right one then waits", arguments: IdentityStoreKind.all)
    func totp(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores, secondFactors: [.totp])
            let right = TOTP().code(secret: try #require(Base32.decode(Tests.totpSecret)), at: now)
            let wrong = right == "123456" ? "654321" : "123456"
            var failures: [AuthenticationFailure] = []
            for _ in 1...5 {
                do {
                    _ = try await auth.completeSecondFactor(email: "ana@example.com", code: .totp(wrong), now: now)
                } catch let failure as AuthenticationFailure {
                    failures.append(failure)
                }
            }
            #expect(failures == Array(repeating: .wrongAuthenticatorCode, count: 4) + [.tooManyAttempts(seconds: 30)])
            let credentials = Credentials.password(email: "ana@example.com", password: Tests.password, secondFactor: .totp(right))
            #expect(await attempt(auth, credentials, at: now.addingTimeInterval(1)) == .tooManyAttempts(seconds: 29))
        }
    }

    @Test("wrong SMS codes count against the address", arguments: IdentityStoreKind.all)
    func sms(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores, secondFactors: [.sms])
            let challenge = try await auth.requestSMSCode(email: "ana@example.com", password: Tests.password, now: now)
            let wrong = challenge.code.code == "123456" ? "654321" : "123456"
            var failures: [AuthenticationFailure?] = []
            for _ in 1...5 {
                failures.append(await attempt(auth, .password(email: "ana@example.com", password: Tests.password,
                                                              secondFactor: .sms(wrong)), at: now))
            }
            #expect(failures.last == .tooManyAttempts(seconds: 30))
            #expect(failures.first == .code(.wrong(remaining: 4)))
        }
    }

    @Test("a new e-mailed code does not reset the address's failures; unknown addresses are limited the same",
          arguments: IdentityStoreKind.all)
    func emailCodesDoNotReset(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores)
            for email in ["ana@example.com", "zoe@example.com"] {
                var messages: [String] = []
                var at = now
                for round in 0..<3 {
                    _ = try await auth.requestEmailToken(email: email, now: at)
                    for _ in 0..<2 {
                        let failure = await attempt(auth, .emailToken(email: email, code: "000000"), at: at)
                        messages.append(failure?.message ?? "signed in")
                    }
                    if round < 2 { at.addTimeInterval(61) }
                }
                #expect(messages == [
                    "the code is not right; 4 attempts left", "the code is not right; 3 attempts left",
                    "the code is not right; 4 attempts left", "the code is not right; 3 attempts left",
                    "too many failed sign-ins; wait 30 s and try again", "too many failed sign-ins; wait 30 s and try again",
                ], "\(email)")
            }
        }
    }

    @Test("failures from one source are limited whichever addresses they try", arguments: IdentityStoreKind.all)
    func perSource(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores, source: "203.0.113.9")
            var last: AuthenticationFailure?
            for number in 1...20 {
                last = await attempt(auth, Self.wrongPassword("person\(number)@example.com"), at: now)
            }
            #expect(last == .tooManyAttempts(seconds: 30))
            let right = Credentials.password(email: "ana@example.com", password: Tests.password, secondFactor: nil)
            #expect(await attempt(auth, right, at: now.addingTimeInterval(5)) == .tooManyAttempts(seconds: 25))
        }
    }

    @Test("the store counts atomically, forgets after a quiet day, and clears", arguments: IdentityStoreKind.all)
    func storeContract(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let limits = SignInAttemptLimits.account
            #expect(try await stores.codes.signInAttempts(for: "account:a@b.c") == .none)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 1...8 {
                    group.addTask { _ = try await stores.codes.recordSignInFailure(for: "account:a@b.c", now: now, limits: limits) }
                }
                try await group.waitForAll()
            }
            let stored = try await stores.codes.signInAttempts(for: "account:a@b.c")
            #expect(stored.failures == 8)
            #expect(stored.lockedUntil == now.roundedToMilliseconds.addingTimeInterval(240))
            let later = try await stores.codes.recordSignInFailure(for: "account:a@b.c", now: now.addingTimeInterval(86_400),
                                                                    limits: limits)
            #expect(later == SignInAttempts(failures: 1, lastFailureAt: now.addingTimeInterval(86_400).roundedToMilliseconds))
            #expect(try await stores.codes.clearSignInAttempts(for: "account:a@b.c"))
            #expect(try await stores.codes.signInAttempts(for: "account:a@b.c") == .none)
        }
    }
}

extension SignInAttemptLimitTests {
    /// An external password check that refuses everyone.
    struct RefusingPlugin: Authenticator {
        let name = "refusing"
        func authenticate(_ credentials: Credentials, now: Date) async throws(AuthenticationFailure) -> UserRecord {
            throw .refused("wrong password")
        }
    }

    @Test("an external password check's refusals count too; past them the plugin is not even asked", arguments: IdentityStoreKind.all)
    func externalCheck(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let auth = try await Self.authenticator(stores)
            let plugin = RefusingPlugin()
            var failures: [AuthenticationFailure] = []
            for _ in 1...6 {
                do {
                    _ = try await auth.limitingExternalCheck(of: "ana@example.com", now: now) {
                        try await plugin.authenticate(.password(email: "ana@example.com", password: "x", secondFactor: nil), now: now)
                    }
                } catch let failure as AuthenticationFailure {
                    failures.append(failure)
                }
            }
            #expect(failures == Array(repeating: .refused("wrong password"), count: 4) + Array(repeating: .tooManyAttempts(seconds: 30), count: 2))
        }
    }
}
