import Foundation
import FormrunnerCore

/// A notifier that holds every delivery until the test opens it (or, so that a run that waits for
/// it still ends, until `safety` seconds have passed), and counts them.
final class GateNotifier: Notifier, @unchecked Sendable {
    let name = "gate"
    private let lock = NSLock()
    private var opened = false
    private var started = 0
    private var finished: [OutboxMessage] = []
    private let safety: TimeInterval

    init(safety: TimeInterval = 20) {
        self.safety = safety
    }

    func deliver(_ message: OutboxMessage) async throws {
        lock.withLock { started += 1 }
        let giveUp = Date().addingTimeInterval(safety)
        while !lock.withLock({ opened }), Date() < giveUp {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        lock.withLock { finished.append(message) }
    }

    /// Lets every held and later delivery through.
    func open() { lock.withLock { opened = true } }

    /// How many deliveries have returned.
    var finishedCount: Int { lock.withLock { finished.count } }

    /// The messages delivered, once `count` deliveries have returned (or after `safety` seconds).
    func delivered(count: Int) async throws -> [OutboxMessage] {
        let giveUp = Date().addingTimeInterval(safety)
        while finishedCount < count, Date() < giveUp { try await Task.sleep(nanoseconds: 5_000_000) }
        return lock.withLock { finished }
    }
}

/// A record of the store operations a sign-in performs, in order, without their arguments' values.
final class OperationLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []

    func append(_ entry: String) { lock.withLock { entries.append(entry) } }
    var all: [String] { lock.withLock { entries } }
}

/// One-time codes kept by `base`, each call logged.
struct LoggedCodes: OneTimeCodeStore {
    let base: any OneTimeCodeStore
    let log: OperationLog

    func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws {
        log.append("codes.issue")
        try await base.issue(for: key, codeHash: codeHash, expiresAt: expiresAt, now: now, resendAfter: resendAfter)
    }

    func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck {
        log.append("codes.verify")
        return try await base.verify(key: key, codeHash: codeHash, now: now, maxAttempts: maxAttempts)
    }

    func deleteExpiredCodes(now: Date) async throws -> Int {
        log.append("codes.deleteExpired")
        return try await base.deleteExpiredCodes(now: now)
    }

    func signInAttempts(for key: String) async throws -> SignInAttempts {
        log.append("attempts.read")
        return try await base.signInAttempts(for: key)
    }

    func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts {
        log.append("attempts.fail")
        return try await base.recordSignInFailure(for: key, now: now, limits: limits)
    }

    func clearSignInAttempts(for key: String) async throws -> Bool {
        log.append("attempts.clear")
        return try await base.clearSignInAttempts(for: key)
    }
}

/// Users kept by `base`, each call logged.
struct LoggedDirectory: UserDirectory {
    let base: any UserDirectory
    let log: OperationLog

    func add(_ user: UserRecord) async throws {
        log.append("users.add")
        try await base.add(user)
    }

    func user(email: String) async throws -> UserRecord? {
        log.append("users.user")
        return try await base.user(email: email)
    }

    func list() async throws -> [UserRecord] {
        log.append("users.list")
        return try await base.list()
    }

    func remove(email: String) async throws -> Bool {
        log.append("users.remove")
        return try await base.remove(email: email)
    }

    func update(_ user: UserRecord) async throws {
        log.append("users.update")
        try await base.update(user)
    }
}
