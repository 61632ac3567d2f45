import Foundation

/// `formrunner validate --format sarif`: the diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis
/// Results Interchange Format), which code-review tools (GitHub code scanning, GitLab, Azure DevOps,
/// VS Code's SARIF viewer) show as annotations on the lines they point at.
///
/// One run of the tool `formrunner`; one rule per diagnostic code used, with its summary; one result
/// per diagnostic, its notes as related locations. Columns count Unicode scalars, as formrunner's do,
/// which SARIF calls `unicodeCodePoints`.
public struct SARIFReport: Encodable, Sendable {
    /// The schema SARIF consumers look for.
    public static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    struct Message: Encodable, Sendable, Hashable {
        var text: String
    }

    struct Region: Encodable, Sendable, Hashable {
        var startLine: Int
        var startColumn: Int
    }

    struct ArtifactLocation: Encodable, Sendable, Hashable {
        var uri: String
    }

    struct PhysicalLocation: Encodable, Sendable, Hashable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct Location: Encodable, Sendable, Hashable {
        var id: Int?
        var physicalLocation: PhysicalLocation
        var message: Message?
    }

    struct Result: Encodable, Sendable {
        var ruleId: String?
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [Location]?
    }

    struct Rule: Encodable, Sendable {
        var id: String
        var name: String
        var shortDescription: Message
        var help: Message
    }

    struct Driver: Encodable, Sendable {
        var name: String
        var informationUri: String?
        var rules: [Rule]
    }

    struct Tool: Encodable, Sendable {
        var driver: Driver
    }

    struct Run: Encodable, Sendable {
        var tool: Tool
        var columnKind: String
        var results: [Result]
    }

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }

    let version = "2.1.0"
    var runs: [Run]

    /// The log of `diagnostics`; `informationURI`, when given, is where the codes are documented online
    /// (each rule's help names docs/diagnostics.md in any case).
    public init(diagnostics: [Diagnostic], informationURI: String? = nil) {
        let codes = DiagnosticCode.allCases.filter { code in diagnostics.contains { $0.code == code } }
        let rules = codes.map { code in
            Rule(id: code.rawValue, name: String(describing: code), shortDescription: Message(text: code.summary),
                 help: Message(text: "\(code.summary) See docs/diagnostics.md, \(code.rawValue), for an example and its fix."))
        }
        let results = diagnostics.map { diagnostic -> Result in
            let unplaced = diagnostic.notes.filter { $0.location == nil }.map(\.message)
            let related = diagnostic.notes.compactMap { note -> (SourceLocation, String)? in
                note.location.map { ($0, note.message) }
            }.enumerated().map { index, pair in
                Location(id: index + 1, physicalLocation: Self.physical(pair.0), message: Message(text: pair.1))
            }
            return Result(ruleId: diagnostic.code?.rawValue, ruleIndex: diagnostic.code.flatMap { codes.firstIndex(of: $0) },
                          level: diagnostic.severity.rawValue,
                          message: Message(text: ([diagnostic.message] + unplaced).joined(separator: "; ")),
                          locations: diagnostic.location.map { [Location(physicalLocation: Self.physical($0))] } ?? [],
                          relatedLocations: related.isEmpty ? nil : related)
        }
        runs = [Run(tool: Tool(driver: Driver(name: "formrunner", informationUri: informationURI, rules: rules)),
                    columnKind: "unicodeCodePoints", results: results)]
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schema, forKey: .schema)
        try container.encode(version, forKey: .version)
        try container.encode(runs, forKey: .runs)
    }

    /// A file and line as SARIF writes them: a relative URI reference (percent-encoded), or a
    /// `file://` URI for an absolute path.
    static func physical(_ location: SourceLocation) -> PhysicalLocation {
        let encoded = location.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? location.file
        let uri = location.file.hasPrefix("/") ? "file://" + encoded : encoded
        return PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri),
                                region: Region(startLine: location.line, startColumn: location.column))
    }
}
