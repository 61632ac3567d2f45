import Foundation
import FormrunnerCore
import Testing

@Suite("Reading formrunner.yaml")
struct ConfigurationLoadingTests {
    static let form = "form: demo.config\nversion: 1\ntitle: Demo\nteam: technical\nfields:\n  - {id: a, label: A, type: text}\n"

    @Test("every setting is read; relative paths are resolved against the catalog root")
    func reads() throws {
        try Fixtures.withTemporaryFolder { root in
            Fixtures.write(Self.form, to: "Forms/a.yaml", in: root)
            Fixtures.write("""
                store: sqlite:data/tickets.sqlite
                desk:
                  name: Acme Help
                  address: help@acme.example
                notifiers:
                  - kind: maildir
                    folder: mail
                  - kind: console
                  - kind: sendmail
                    command: /usr/sbin/sendmail -t -i
                  - kind: plugin
                    plugin: webhook
                    timeout: 2m
                    settings:
                      url: https://hooks.example/x
                      retries: 3
                      tags: [a, b]
                      empty: ~
                plugins:
                  timeout: 30s
                """, to: "formrunner.yaml", in: root)
            let result = CatalogLoader(root: root).load()
            #expect(result.diagnostics.isEmpty)
            #expect(result.files.last == root + "/formrunner.yaml")
            let configuration = try #require(result.catalog.configuration)
            #expect(configuration.store == .sqlite(path: root + "/data/tickets.sqlite"))
            #expect(configuration.deskName == "Acme Help" && configuration.deskAddress == "help@acme.example")
            #expect(configuration.pluginTimeout == 30)
            let webhook = NotifierChoice.plugin(name: "webhook", settings: [
                "url": "https://hooks.example/x", "retries": "3", "tags": ["a", "b"], "empty": .null,
            ], timeout: 120)
            #expect(configuration.notifiers == [.maildir(folder: root + "/mail"), .console, .sendmail(command: "/usr/sbin/sendmail -t -i"), webhook])
            #expect(configuration.pluginNotifier(named: "webhook") == webhook)
            #expect(configuration.pluginNotifier(named: "pager") == nil)
        }
    }

    @Test("a catalog without formrunner.yaml has no configuration; an empty one is reported")
    func absentOrEmpty() {
        Fixtures.withTemporaryFolder { root in
            Fixtures.write(Self.form, to: "Forms/a.yaml", in: root)
            #expect(CatalogLoader(root: root).load().catalog.configuration == nil)
            Fixtures.write("# nothing yet\n", to: "formrunner.yaml", in: root)
            let diagnostics = CatalogLoader(root: root).load().diagnostics.map(\.description)
            #expect(diagnostics == [root + "/formrunner.yaml:1:1: error: file is empty; expected settings such as 'store:' and "
                                    + "'notifiers:', or remove the file"])
        }
    }

    @Test("--notifier spellings")
    func spellings() throws {
        #expect(try NotifierChoice(parsing: "none") == .disabled)
        #expect(try NotifierChoice(parsing: "console") == .console)
        #expect(try NotifierChoice(parsing: "maildir:/var/mail/x") == .maildir(folder: "/var/mail/x"))
        #expect(try NotifierChoice(parsing: "sendmail:msmtp -t") == .sendmail(command: "msmtp -t"))
        #expect(try NotifierChoice(parsing: "plugin:webhook") == .plugin(name: "webhook", settings: [:], timeout: nil))
        for bad in ["maildir:", "plugin:", "plugin:../x", "smtp"] {
            #expect(throws: NotifierChoice.ParseError(setting: bad)) { try NotifierChoice(parsing: bad) }
        }
        #expect(NotifierChoice.ParseError(setting: "smtp").description
                == "unknown notifier 'smtp'; use maildir:DIR, sendmail:COMMAND, console, none or plugin:NAME")
    }
}
