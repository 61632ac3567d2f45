import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Each setting comes from the flag, else the environment, else formrunner.yaml, else the default.
@Suite("Desk settings precedence")
struct DeskSettingsTests {
    static let file: DeskConfiguration = {
        var configuration = DeskConfiguration(file: "formrunner.yaml")
        configuration.store = .sqlite(path: "/desk/file.sqlite")
        configuration.notifiers = [.console]
        configuration.deskName = "File Desk"
        configuration.deskAddress = "file@example.com"
        configuration.baseURL = "https://file.example.com"
        return configuration
    }()

    static let environment = [
        "FORMRUNNER_STORE": "sqlite:/desk/env.sqlite", "FORMRUNNER_NOTIFIER": "maildir:/desk/env-mail",
        "FORMRUNNER_DESK_ADDRESS": "Env Desk <env@example.com>", "FORMRUNNER_BASE_URL": "https://env.example.com",
    ]

    static let flags = DeskSettings(catalog: "/desk", store: "sqlite:/desk/flag.sqlite", notifier: "none",
                                    deskAddress: "Flag Desk <flag@example.com>", baseURL: "https://flag.example.com",
                                    environment: environment)

    @Test("the flag wins over the environment, the file and the default")
    func flagWins() throws {
        #expect(try Self.flags.storeLocation(Self.file) == .sqlite(path: "/desk/flag.sqlite"))
        #expect(try Self.flags.notifierChoices(Self.file) == [.disabled])
        #expect(try Self.flags.address(Self.file).description == "Flag Desk <flag@example.com>")
        #expect(try Self.flags.resolvedBaseURL(Self.file).absoluteString == "https://flag.example.com")
    }

    @Test("the environment wins over the file and the default")
    func environmentWins() throws {
        let settings = DeskSettings(catalog: "/desk", environment: Self.environment)
        #expect(try settings.storeLocation(Self.file) == .sqlite(path: "/desk/env.sqlite"))
        #expect(try settings.notifierChoices(Self.file) == [.maildir(folder: "/desk/env-mail")])
        #expect(try settings.address(Self.file).description == "Env Desk <env@example.com>")
        #expect(try settings.resolvedBaseURL(Self.file).absoluteString == "https://env.example.com")
    }

    @Test("formrunner.yaml wins over the default")
    func fileWins() throws {
        let settings = DeskSettings(catalog: "/desk", environment: [:])
        #expect(try settings.storeLocation(Self.file) == .sqlite(path: "/desk/file.sqlite"))
        #expect(try settings.notifierChoices(Self.file) == [.console])
        #expect(try settings.address(Self.file).description == "File Desk <file@example.com>")
        #expect(try settings.resolvedBaseURL(Self.file).absoluteString == "https://file.example.com")
    }

    @Test("without flag, environment or file, the defaults apply")
    func defaults() throws {
        let settings = DeskSettings(catalog: "/desk", environment: [:])
        #expect(try settings.storeLocation(nil) == .sqlite(path: "/desk/.formrunner/tickets.sqlite"))
        #expect(try settings.notifierChoices(nil) == [.maildir(folder: "/desk/.formrunner/mail")])
        #expect(try settings.address(nil) == .standard)
        #expect(try settings.resolvedBaseURL(nil).absoluteString == "http://127.0.0.1:8080")
        #expect(try settings.fixedInstant() == nil)
    }

    @Test("a setting that cannot be read is a usage error with its message")
    func usageErrors() {
        let settings = DeskSettings(catalog: "/desk", now: "tomorrow", baseURL: "ftp://x",
                                    environment: ["FORMRUNNER_PLUGIN_TIMEOUT": "soon", "FORMRUNNER_SENDMAIL_TIMEOUT": "-1"])
        #expect(throws: DeskSettingError(.usage, "'tomorrow' is not an ISO-8601 instant such as 2026-11-25T10:00:00-03:00")) {
            try settings.fixedInstant()
        }
        #expect(throws: DeskSettingError(.usage,
                                         "FORMRUNNER_PLUGIN_TIMEOUT is 'soon'; give seconds such as 10, or a duration such as 30s or 2m")) {
            try settings.pluginTimeoutOverride()
        }
        #expect(throws: DeskSettingError(.usage, "FORMRUNNER_SENDMAIL_TIMEOUT is '-1'; give a positive number of seconds such as 30")) {
            try settings.sendmailTimeout()
        }
        #expect(throws: DeskSettingError(.usage,
                                         "'ftp://x' is not an http:// or https:// address such as https://help.example.com (FORMRUNNER_BASE_URL)")) {
            try settings.resolvedBaseURL(nil)
        }
    }

    @Test("FORMRUNNER_PLUGIN_TIMEOUT reads the one duration grammar")
    func pluginTimeout() throws {
        #expect(try DeskSettings(environment: ["FORMRUNNER_PLUGIN_TIMEOUT": "2m"]).pluginTimeoutOverride() == 120)
        #expect(try DeskSettings(environment: ["FORMRUNNER_PLUGIN_TIMEOUT": "2.5"]).pluginTimeoutOverride() == 2.5)
        #expect(try DeskSettings(environment: ["FORMRUNNER_PLUGIN_TIMEOUT": "500ms"]).pluginTimeoutOverride() == 0.5)
    }
}

extension DeskSettingError: Equatable {
    public static func == (lhs: DeskSettingError, rhs: DeskSettingError) -> Bool {
        lhs.kind == rhs.kind && lhs.description == rhs.description
    }
}
