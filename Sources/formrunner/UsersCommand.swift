import ArgumentParser
import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerDesk
import FormrunnerPrompt

/// `formrunner users …`: the directory of people who may sign in to run a flow.
struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage who may sign in and who works tickets: e-mail, name, role, teams, accounts, credentials.",
        discussion: """
        Requesters file and follow their tickets; agents (--role agent --team T) work the tickets of their \
        teams (Workflows/teams.yaml) and admins any ticket. Users live beside the tickets (the --store database). Passwords are kept only as slow salted \
        hashes (PBKDF2-SHA256); TOTP secrets are sealed with the key file <database>.key, or for a \
        PostgreSQL store DIR/.formrunner/desk.key (the same file on every machine).
        """,
        subcommands: [Add.self, List.self, Update.self, Away.self, Remove.self, Unlock.self]
    )

    /// `users add EMAIL --name NAME …`
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's e-mail address (their identity).") var email: String
        @Option(help: "First and last name.") var name: String
        @Option(name: .customLong("account"), help: ArgumentHelp("A store the user may act for (repeat).", valueName: "account"))
        var accounts: [String] = []
        @Option(help: "ISO 3166-1 alpha-2 country code, e.g. BR.") var country: String?
        @Option(name: .customLong("permission"), help: ArgumentHelp("A permission such as support (repeat).", valueName: "permission"))
        var permissions: [String] = []
        @Option(help: "A phone number for SMS codes, e.g. +5511999990000.") var phone: String?
        @Flag(name: .customLong("password-stdin"), help: "Read a password from the first line of standard input.")
        var passwordFromStdin = false
        @Flag(name: .customLong("ask-password"), help: "Ask for a password (hidden, typed twice).") var askPassword = false
        @Flag(help: "Set up an authenticator app (TOTP): prints the secret and its otpauth:// URI once.") var totp = false
        @Option(help: "requester (the default), agent (works the tickets of their teams) or admin (any ticket).")
        var role: UserRole = .requester
        @Option(name: .customLong("team"), help: ArgumentHelp("A team whose tickets the agent works (repeat); see Workflows/teams.yaml.", valueName: "team"))
        var teams: [String] = []

        func validate() throws {
            if passwordFromStdin, askPassword { throw ValidationError("use --password-stdin or --ask-password, not both") }
            if let country, country.count != 2 || !country.allSatisfy(\.isLetter) {
                throw ValidationError("'\(country)' is not a two-letter country code such as BR")
            }
        }

        func run() async throws {
            let desk = try await Desk.open(global.settings)
            let stores = try desk.identity()
            var user = UserRecord(email: email, name: name, accounts: accounts, country: country, permissions: permissions,
                                  phone: phone, createdAt: desk.now())
            user.role = role
            user.teams = try TeamNames.checked(teams, in: desk.catalog)
            if let problem = user.problem { throw CommandFailure(problem) }
            if let password = try readPassword() {
                if let problem = PasswordRules.problem(password) { throw CommandFailure(problem) }
                user.passwordHash = try PasswordHasher().hash(password)
            }
            let secret = totp ? TOTP.generateSecret() : nil
            user.totpSecret = secret
            do {
                try await stores.directory.add(user)
            } catch let error as IdentityStoreError {
                throw CommandFailure(error.description)
            }
            Output.print("Added \(user.description)\n")
            if let secret {
                Output.print("Authenticator app secret (shown once): \(secret)\n")
                Output.print(TOTP().provisioningURI(base32Secret: secret, account: user.email, issuer: "formrunner") + "\n")
            }
        }

        private func readPassword() throws -> String? {
            if passwordFromStdin {
                guard let line = readLine(strippingNewline: true) else { throw CommandFailure("no password on standard input") }
                return line
            }
            guard askPassword else { return nil }
            let prompter = PrompterFactory.make(plain: false)
            do {
                let first = try prompter.askText("Password", help: PasswordRules.summary, default: nil, masked: true,
                                                 multiline: false) { PasswordRules.problem($0) }
                _ = try prompter.askText("Password again", help: nil, default: nil, masked: true, multiline: false) {
                    $0 == first ? nil : "the two passwords differ"
                }
                return first
            } catch {
                throw CommandFailure("no password was set; nothing was written")
            }
        }
    }

    /// `users list`
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the users (never their credentials).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let users = try await Desk.open(global.settings).identity().directory.list()
            if json {
                Output.print(try Output.json(users.map(UserDocument.init)))
                return
            }
            if users.isEmpty { Output.print("No users. Add one with: formrunner users add EMAIL --name NAME --account STORE\n") }
            for user in users { Output.print(user.description.terminalSafe + "\n") }
        }
    }

    /// `users update EMAIL [--name N] [--role R] [--team T]...`
    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update", abstract: "Change a user's name, role or teams (--team replaces the teams; --no-teams clears them).")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's e-mail address.") var email: String
        @Option(help: "First and last name.") var name: String?
        @Option(help: "requester, agent or admin.") var role: UserRole?
        @Option(name: .customLong("team"), help: ArgumentHelp("A team (repeat); replaces the user's teams.", valueName: "team"))
        var teams: [String] = []
        @Flag(name: .customLong("no-teams"), help: "Remove the user from every team.") var noTeams = false

        func validate() throws {
            if noTeams, !teams.isEmpty { throw ValidationError("use --team or --no-teams, not both") }
            if name == nil, role == nil, teams.isEmpty, !noTeams {
                throw ValidationError("say what changes: --name, --role, --team or --no-teams")
            }
        }

        func run() async throws {
            let desk = try await Desk.open(global.settings)
            let directory = try desk.identity().directory
            guard var user = try await directory.user(email: email) else {
                throw CommandFailure("there is no user with the e-mail \(UserRecord.normalizedEmail(email))")
            }
            if let name { user.name = name }
            if let role { user.role = role }
            if noTeams { user.teams = [] }
            if !teams.isEmpty { user.teams = try TeamNames.checked(teams, in: desk.catalog) }
            if let problem = user.problem { throw CommandFailure(problem) }
            do {
                try await directory.update(user)
            } catch let error as IdentityStoreError {
                throw CommandFailure(error.description)
            }
            Output.print("Updated \(user.description)\n")
        }
    }

    /// `users away EMAIL --until INSTANT` / `--back`
    struct Away: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "away", abstract: "Mark an agent away until an instant (automatic assignment skips them), or back.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The agent's e-mail address.") var email: String
        @Option(help: ArgumentHelp("When the agent is back, ISO-8601 (2026-12-24T09:00:00-03:00) or a day (2026-12-24).", valueName: "instant"))
        var until: String?
        @Flag(help: "The agent is back now.") var back = false

        func validate() throws {
            if (until == nil) == !back { throw ValidationError("give --until INSTANT or --back") }
        }

        func run() async throws {
            let desk = try await Desk.open(global.settings)
            let directory = try desk.identity().directory
            guard var user = try await directory.user(email: email) else {
                throw CommandFailure("there is no user with the e-mail \(UserRecord.normalizedEmail(email))")
            }
            guard user.role.isStaff else {
                throw CommandFailure("\(user.email) is a requester; only agents and admins can be away")
            }
            if let until {
                guard let instant = AwayInstant.parse(until) else {
                    throw CommandFailure("'\(until)' is not an instant such as 2026-12-24T09:00:00-03:00 or a day such as 2026-12-24")
                }
                user.awayUntil = instant
            } else {
                user.awayUntil = nil
            }
            try await directory.update(user)
            Output.print(user.awayUntil.map { "\(user.email) is away until \(TicketText.stamp($0))\n" } ?? "\(user.email) is back\n")
        }
    }

    /// `users remove EMAIL`
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a user.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's e-mail address.") var email: String

        func run() async throws {
            guard try await Desk.open(global.settings).identity().directory.remove(email: email) else {
                throw CommandFailure("there is no user with the e-mail \(UserRecord.normalizedEmail(email))")
            }
            Output.print("Removed \(UserRecord.normalizedEmail(email))\n")
        }
    }
}

extension Users {
    /// `users unlock EMAIL`: lifts the back-off or lock-out that failed sign-ins put on an address.
    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unlock", abstract: "Let a user sign in again after too many failed attempts.",
            discussion: """
            Wrong passwords, authenticator, SMS and e-mailed codes are counted per address: after 5 the \
            address waits (30 s, doubling up to 15 minutes), after 20 it is locked out for a day. This \
            forgets the count at once.
            """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The user's e-mail address.") var email: String

        func run() async throws {
            let stores = try await Desk.open(global.settings).identity()
            let address = UserRecord.normalizedEmail(email)
            guard try await stores.directory.user(email: address) != nil else {
                throw CommandFailure("there is no user with the e-mail \(address)")
            }
            let unlocked = try await DirectoryAuthenticator.unlock(email: address, in: stores.codes)
            Output.print(unlocked ? "Unlocked \(address): failed sign-ins forgotten\n"
                                  : "\(address) had no failed sign-ins; nothing to unlock\n")
        }
    }
}

/// A user as `users list --json` prints it: whether credentials are set, never their values.
struct UserDocument: Encodable {
    var email: String
    var name: String
    var accounts: [String]
    var country: String?
    var permissions: [String]
    var password: Bool
    var totp: Bool
    var phone: Bool
    var role: String
    var teams: [String]
    var awayUntil: Date?

    enum CodingKeys: String, CodingKey {
        case email, name, accounts, country, permissions, password, totp, phone, role, teams, awayUntil = "away_until"
    }

    init(_ user: UserRecord) {
        email = user.email
        name = user.name
        accounts = user.accounts
        country = user.country
        permissions = user.permissions
        password = user.passwordHash != nil
        totp = user.totpSecret != nil
        phone = user.phone != nil
        role = user.role.rawValue
        teams = user.teams
        awayUntil = user.awayUntil
    }
}

/// What a password must be.
enum PasswordRules {
    static let minimumLength = 10
    static let summary = "at least \(minimumLength) characters"

    static func problem(_ password: String) -> String? {
        password.count < minimumLength ? "the password must have \(summary)" : nil
    }
}
