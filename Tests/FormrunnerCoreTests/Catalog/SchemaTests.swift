import Foundation
import FormrunnerCore
import Testing

/// The committed JSON Schema is exactly what the decoders accept.
@Suite("The JSON Schema of the definition language")
struct SchemaTests {
    @Test("schema/formrunner.schema.json is up to date (regenerate with `formrunner schema`)")
    func committedSchemaIsCurrent() throws {
        let committed = try String(contentsOfFile: Fixtures.repository + "/schema/formrunner.schema.json", encoding: .utf8)
        #expect(committed == DefinitionSchema.document.prettyPrinted)
    }

    @Test("every closed object lists exactly the keys its decoder reads")
    func keysMatchDecoders() throws {
        guard case .object(let root) = DefinitionSchema.document, case .object(let definitions)? = root["definitions"] else {
            Issue.record("the schema has no definitions")
            return
        }
        for (name, keys) in DefinitionSchema.acceptedKeys {
            guard case .object(let schema)? = definitions[name], case .object(let properties)? = schema["properties"] else {
                Issue.record("no closed object for '\(name)'")
                continue
            }
            #expect(Set(properties.keys) == Set(keys), "\(name)")
            #expect(schema["additionalProperties"] == .bool(false), "\(name)")
        }
    }

    @Test("every catalog file points editors at the schema")
    func catalogFilesPointAtSchema() throws {
        let result = CatalogLoader(root: Fixtures.repository).load()
        for file in result.files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let first = text.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("# yaml-language-server: $schema="), "\(file)")
            let relative = first.replacingOccurrences(of: "# yaml-language-server: $schema=", with: "")
            let target = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(relative).standardized.path
            #expect(FileManager.default.fileExists(atPath: target), "\(file) points at \(relative)")
        }
    }
}
