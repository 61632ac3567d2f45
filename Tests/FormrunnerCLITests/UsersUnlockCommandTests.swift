import Foundation
import GRDB
import Testing

/// `formrunner users unlock EMAIL` on a real SQLite file.
@Suite("formrunner users unlock")
struct UsersUnlockCommandTests {
    @Test("unlock forgets an address's failed sign-ins and says so; again, there is nothing to unlock")
    func unlock() throws {
        let directory = try UsersCommandTests.Directory()
        #expect(try directory.run(UsersCommandTests.ana).status == 0)
        // Twenty failed sign-ins, as the authenticator records them: locked out for a day.
        let queue = try DatabaseQueue(path: directory.database)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO sign_in_attempt (key, failures, last_failure_at, locked_until) VALUES (?, 20, ?, ?)",
                           arguments: ["account:ana@example.com", now, now + 86_400_000])
        }
        let unlocked = try directory.run(["users", "unlock", "ANA@example.com"])
        #expect(unlocked.status == 0, "\(unlocked.stderr)")
        #expect(unlocked.stdout == "Unlocked ana@example.com: failed sign-ins forgotten\n")
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sign_in_attempt") } == 0)
        let again = try directory.run(["users", "unlock", "ana@example.com"])
        #expect(again.status == 0)
        #expect(again.stdout == "ana@example.com had no failed sign-ins; nothing to unlock\n")
    }

    @Test("unlocking an address that is not a user is refused with its reason")
    func unknown() throws {
        let run = try UsersCommandTests.Directory().run(["users", "unlock", "nobody@example.com"])
        #expect(run.status == 1)
        #expect(run.stderr == "formrunner: there is no user with the e-mail nobody@example.com\n")
    }
}
