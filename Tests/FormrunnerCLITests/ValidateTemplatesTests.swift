import Foundation
import Testing

/// `formrunner validate` checks the e-mail templates, each problem at `path:line:column`.
@Suite("formrunner validate: e-mail templates")
struct ValidateTemplatesTests {
    static let solved = "Workflows/templates/solved.mustache"

    /// `validate` on a copy of the catalog after `change`.
    static func validate(_ change: (String) throws -> Void) throws -> CommandRunner.Run {
        try CommandRunner.withCatalogCopy { catalog in
            try change(catalog)
            return try CommandRunner.run(["validate"], in: catalog)
        }
    }

    static func edit(_ catalog: String, _ file: String, _ edit: (String) -> String) throws {
        let path = catalog + "/" + file
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("the catalog's own templates are clean")
    func clean() throws {
        let run = try Self.validate { _ in }
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("a misspelt variable is located at its tag, with a did-you-mean, in the body and in the subject")
    func unknownVariable() throws {
        let run = try Self.validate { catalog in
            try Self.edit(catalog, Self.solved) {
                $0.replacingOccurrences(of: "({{ticket.title}})", with: "({{ticket.titel}})")
                    .replacingOccurrences(of: "Subject: [{{desk.name}}]", with: "Subject: [{{desk.nam}}]")
            }
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(Self.solved):1:11: error: e-mail template 'solved' uses 'desk.nam', which no e-mail is given; "
                                    + "did you mean 'desk.name'?"), "\(run.stderr)")
        #expect(run.stderr.contains("\(Self.solved):5:33: error: e-mail template 'solved' uses 'ticket.titel', which no e-mail is "
                                    + "given; did you mean 'ticket.title'?"), "\(run.stderr)")
    }

    @Test("a section left open is a Mustache error in the template's file, not a failure of every tickets create")
    func unclosedSection() throws {
        let run = try Self.validate { catalog in
            try Self.edit(catalog, Self.solved) { $0.replacingOccurrences(of: "{{/message}}\n", with: "") }
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(Self.solved):"), "\(run.stderr)")
        #expect(run.stderr.contains(": error: e-mail template 'solved' is not valid Mustache: "), "\(run.stderr)")
    }

    @Test("a template without its Subject: line, or without the blank line after it, is located")
    func subjectLine() throws {
        let run = try Self.validate { catalog in
            try Self.edit(catalog, "Workflows/templates/comment.mustache") { "Hello {{requester.name}},\n" + $0 }
            try Self.edit(catalog, "Workflows/templates/closed.mustache") { $0.replacingOccurrences(of: "\n\n", with: "\n") }
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("Workflows/templates/comment.mustache:1:1: error: e-mail template 'comment' must start with a "
                                    + "'Subject: …' line, then a blank line, then the body"), "\(run.stderr)")
        #expect(run.stderr.contains("Workflows/templates/closed.mustache:2:1: error: e-mail template 'closed' must have a blank line "
                                    + "between its 'Subject: …' line and the body"), "\(run.stderr)")
    }

    @Test("a template of 1,000 nested sections is a located error, not a crash")
    func deepTemplate() throws {
        let run = try Self.validate { catalog in
            try Self.edit(catalog, Self.solved) {
                $0 + String(repeating: "{{#message}}", count: 1000) + String(repeating: "{{/message}}", count: 1000) + "\n"
            }
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(Self.solved):19:1: error: e-mail template 'solved': sections are nested 25 deep; "
                                    + "at most 24 levels are allowed"), "\(run.stderr)")
    }

    @Test("a template that links to a file outside the catalog is refused")
    func symlinkOut() throws {
        let run = try Self.validate { catalog in
            let path = catalog + "/Workflows/templates/closed.mustache"
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/hostname")
        }
        #expect(run.status == 1)
        #expect(run.stderr.contains("Workflows/templates/closed.mustache:1:1: error: template 'Workflows/templates/closed.mustache' "
                                    + "is a symbolic link to a file outside the catalog; copy the file into Workflows/templates instead"),
                "\(run.stderr)")
    }
}
