import Foundation
import FormrunnerAuth
import Testing

/// Survey links carry a ticket number and a round, signed so that they cannot be forged or altered.
@Suite("Survey tokens")
struct SurveyTokenTests {
    static let key = SurveyToken.Key(bytes: Array(repeating: 7, count: 32))!
    static let otherKey = SurveyToken.Key(bytes: Array(repeating: 8, count: 32))!

    @Test("a token names its ticket and round, is URL-safe, and verifies")
    func roundTrip() throws {
        let token = SurveyToken.issue(ticket: 42, round: 3, key: Self.key)
        #expect(token.hasPrefix("42-3-"))
        #expect(token.count == "42-3-".count + 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let verified = try #require(SurveyToken.verify(token, key: Self.key))
        #expect(verified.ticket == 42 && verified.round == 3)
        #expect(SurveyToken.issue(ticket: 42, round: 3, key: Self.key) == token, "the same link every time")
        #expect(SurveyToken.issue(ticket: 42, round: 4, key: Self.key) != token)
    }

    @Test("a token with another ticket, round or MAC, or signed with another key, is refused")
    func tampered() {
        let token = SurveyToken.issue(ticket: 42, round: 3, key: Self.key)
        let mac = String(token.dropFirst("42-3-".count))
        #expect(SurveyToken.verify("43-3-" + mac, key: Self.key) == nil)
        #expect(SurveyToken.verify("42-4-" + mac, key: Self.key) == nil)
        #expect(SurveyToken.verify("042-3-" + mac, key: Self.key) == nil)
        #expect(SurveyToken.verify(token, key: Self.otherKey) == nil)
        #expect(SurveyToken.verify(SurveyToken.issue(ticket: 42, round: 3, key: Self.otherKey), key: Self.key) == nil)
        var flipped = Array(mac)
        flipped[0] = flipped[0] == "A" ? "B" : "A"
        #expect(SurveyToken.verify("42-3-" + String(flipped), key: Self.key) == nil)
        #expect(SurveyToken.verify("42-3-" + mac.dropLast(), key: Self.key) == nil)
    }

    @Test("malformed tokens are refused", arguments: [
        "", "42", "42-3", "42-3-", "-3-abc", "42--abc", "x-3-abc", "42-y-abc", "+42-3-abc", "42-3-!!!!", "42-0x3-abc",
        "0-1-abc", "42-3-abc=", "99999999999999999999-1-abc", "４２-3-abc",
    ])
    func malformed(_ token: String) {
        #expect(SurveyToken.verify(token, key: Self.key) == nil)
    }

    @Test("a key shorter than 32 bytes is refused")
    func shortKey() {
        #expect(SurveyToken.Key(bytes: Array(repeating: 1, count: 31)) == nil)
    }

    @Test("the survey key is derived from the database's key file: stable, and not the sealing key itself")
    func derivedKey() throws {
        try withScratchFolderSync { folder in
            let database = folder.appendingPathComponent("tickets.sqlite").path
            let first = try KeyFileSecretSealer.forDatabase(at: database)
            let token = SurveyToken.issue(ticket: 5, round: 1, key: .derived(from: first))
            let again = try KeyFileSecretSealer.forDatabase(at: database)
            #expect(SurveyToken.verify(token, key: .derived(from: again))?.ticket == 5)
            let attributes = try FileManager.default.attributesOfItem(atPath: database + ".key")
            #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
            let raw = try Data(contentsOf: URL(fileURLWithPath: database + ".key"))
            #expect(SurveyToken.verify(token, key: SurveyToken.Key(bytes: Array(raw))!) == nil)
            let elsewhere = try KeyFileSecretSealer.forDatabase(at: folder.appendingPathComponent("other.sqlite").path)
            #expect(SurveyToken.verify(token, key: .derived(from: elsewhere)) == nil)
        }
    }
}
