import FormrunnerCore
import Yams

/// An article's front matter: a YAML mapping of texts (`id`, `title`, `language`) and lists of
/// texts (`tags`, `teams`), each key remembered with its line for diagnostics.
struct FrontMatter {
    let file: String
    /// The file line the YAML starts at.
    let firstLine: Int

    /// The keys read, with their values and lines.
    struct Fields {
        var strings: [String: String] = [:]
        var lists: [String: [String]] = [:]
        var lines: [String: Int] = [:]
    }

    /// The fields of `yaml`, or nil (with its diagnostics) when it is not a mapping of known keys.
    func parse(_ yaml: String, _ diagnostics: inout [Diagnostic]) -> Fields? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(Diagnostic(.error, "the front matter is not valid YAML: \(Self.describe(error))", at: at(line: 0)))
            return nil
        } catch {
            diagnostics.append(Diagnostic(.error, "the front matter is not valid YAML", at: at(line: 0)))
            return nil
        }
        guard let mapping = node?.mapping else {
            diagnostics.append(Diagnostic(.error, "the front matter must be a mapping of id, title, language, tags and teams", at: at(line: 0)))
            return nil
        }
        var fields = Fields()
        var ok = true
        for (keyNode, value) in mapping {
            let line = (keyNode.mark?.line ?? 1) - 1
            guard let key = keyNode.string, KnowledgeLoader.keys.contains(key) else {
                let suggestion = Suggestion.closest(to: keyNode.string ?? "", in: KnowledgeLoader.keys.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                diagnostics.append(Diagnostic(.error, "unknown key '\(keyNode.string ?? "?")' in the front matter\(suggestion); the keys are id, title, language, tags, teams",
                                              at: at(line: line)))
                ok = false
                continue
            }
            fields.lines[key] = line
            switch key {
            case "tags", "teams":
                guard let items = value.sequence?.map({ $0.string }), items.allSatisfy({ $0 != nil && !$0!.isEmpty }) else {
                    diagnostics.append(Diagnostic(.error, "'\(key)' must be a list of words, e.g. \(key): [a, b]", at: at(line: line)))
                    ok = false
                    continue
                }
                fields.lists[key] = items.compactMap { $0 }
            default:
                guard let text = value.scalar?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    diagnostics.append(Diagnostic(.error, "'\(key)' must be a text", at: at(line: line)))
                    ok = false
                    continue
                }
                fields.strings[key] = text
            }
        }
        return ok ? fields : nil
    }

    /// Where `key` is, else the front matter's first line.
    func location(of key: String, in fields: Fields) -> SourceLocation {
        at(line: fields.lines[key] ?? 0)
    }

    private func at(line: Int) -> SourceLocation {
        SourceLocation(file: file, line: firstLine + line, column: 1)
    }

    private static func describe(_ error: YamlError) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "unreadable"
    }
}
