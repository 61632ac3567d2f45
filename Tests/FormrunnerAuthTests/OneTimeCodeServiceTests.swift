import Foundation
import FormrunnerAuth
import FormrunnerCore
import Testing

@Suite("One-time codes")
struct OneTimeCodeServiceTests {
    let now = Sample.now
    let key = "otp:technical-support:ana@example.com"

    @Test("codes have the asked number of digits and every digit is about equally likely")
    func generation() {
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<5000 {
            let code = OneTimeCodes.generate(digits: 6)
            #expect(code.count == 6 && code.allSatisfy { $0.isASCII && $0.isNumber })
            for digit in code { counts[Int(String(digit))!] += 1 }
        }
        // 30,000 digits: 3,000 expected each; 2,700…3,300 is more than 5 standard deviations wide.
        #expect(counts.allSatisfy { (2700...3300).contains($0) }, "\(counts)")
        #expect(OneTimeCodes.generate(digits: 8).count == 8)
    }

    @Test("hashes are salted with the key and never contain the code")
    func hashing() {
        let hash = OneTimeCodes.hash("123456", key: key)
        #expect(SHA256.isHexDigest(hash))
        #expect(hash == OneTimeCodes.hash("123456", key: key))
        #expect(hash != OneTimeCodes.hash("123456", key: "otp:other"))
        #expect(hash != SHA256.hexDigest(of: Data("123456".utf8)))
        #expect(OneTimeCodes.normalized(" 123-456 ") == "123456")
    }

    @Test("a code works once, typed with spaces or not")
    func singleUse() async throws {
        let service = OneTimeCodeService(store: InMemoryOneTimeCodeStore())
        let issued = try await service.issue(for: key, now: now)
        #expect(issued.expiresAt == now.addingTimeInterval(600).roundedToMilliseconds)
        #expect(!issued.description.contains(issued.code))
        try await service.verify(String(issued.code.prefix(3)) + " " + String(issued.code.suffix(3)), for: key, now: now)
        await #expect(throws: OneTimeCodeFailure.noCode) { try await service.verify(issued.code, for: key, now: now) }
    }

    @Test("wrong codes say how many tries are left, then lock with the user's words")
    func messages() async throws {
        let service = OneTimeCodeService(store: InMemoryOneTimeCodeStore())
        let issued = try await service.issue(for: key, now: now)
        let wrong = issued.code == "000000" ? "111111" : "000000"
        var messages: [String] = []
        for _ in 1...6 {
            do { try await service.verify(wrong, for: key, now: now) } catch let failure as OneTimeCodeFailure {
                messages.append(failure.message)
            }
        }
        #expect(messages == [
            "the code is not right; 4 attempts left", "the code is not right; 3 attempts left",
            "the code is not right; 2 attempts left", "the code is not right; 1 attempt left",
            "too many wrong codes; ask for a new code", "too many wrong codes; ask for a new code",
        ])
        await #expect(throws: OneTimeCodeFailure.locked) { try await service.verify(issued.code, for: key, now: now) }
    }

    @Test("text that is not a code is refused without using a try")
    func malformed() async throws {
        let service = OneTimeCodeService(store: InMemoryOneTimeCodeStore())
        let issued = try await service.issue(for: key, now: now)
        for text in ["12345", "1234567", "12345a", "", "١٢٣٤٥٦"] {
            await #expect(throws: OneTimeCodeFailure.malformed(digits: 6)) { try await service.verify(text, for: key, now: now) }
        }
        #expect(OneTimeCodeFailure.malformed(digits: 6).message == "the code has 6 digits; type just the digits")
        try await service.verify(issued.code, for: key, now: now)
    }

    @Test("an expired code asks for a new one")
    func expired() async throws {
        let service = OneTimeCodeService(store: InMemoryOneTimeCodeStore())
        let issued = try await service.issue(for: key, now: now)
        do {
            try await service.verify(issued.code, for: key, now: now.addingTimeInterval(600))
            Issue.record("an expired code was accepted")
        } catch let failure as OneTimeCodeFailure {
            #expect(failure == .expired && failure.message == "the code has expired; ask for a new one")
        }
    }

    @Test("asking again too soon says how long to wait; afterwards only the new code works")
    func resend() async throws {
        let service = OneTimeCodeService(store: InMemoryOneTimeCodeStore())
        let first = try await service.issue(for: key, now: now)
        do {
            _ = try await service.issue(for: key, now: now.addingTimeInterval(18))
            Issue.record("a second code was issued during the cool-down")
        } catch let failure as OneTimeCodeFailure {
            #expect(failure == .tooSoon(seconds: 42) && failure.message == "wait 42 s before asking for another code")
        }
        await #expect(throws: OneTimeCodeFailure.tooSoon(seconds: 1)) {
            _ = try await service.issue(for: key, now: now.addingTimeInterval(59.9))
        }
        let second = try await service.issue(for: key, now: now.addingTimeInterval(60))
        if first.code != second.code {
            await #expect(throws: OneTimeCodeFailure.wrong(remaining: 4)) {
                try await service.verify(first.code, for: key, now: now.addingTimeInterval(61))
            }
        }
        try await service.verify(second.code, for: key, now: now.addingTimeInterval(61))
    }

    @Test("a policy comes from the workflow's one_time_code step")
    func policyFromStep() throws {
        let step = try TechnicalSupport.oneTimeCodeStep()
        #expect(OneTimeCodePolicy(step) == OneTimeCodePolicy(digits: 6, lifetime: 600, maxAttempts: 5, resendAfter: 60))
    }
}
