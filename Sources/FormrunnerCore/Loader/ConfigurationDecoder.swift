import Foundation

/// Decodes `formrunner.yaml`, the desk's configuration, with the same strictness and located
/// diagnostics as the definitions: unknown keys get a did-you-mean, values of the wrong kind are
/// reported where they are written.
struct ConfigurationDecoder {
    let sink: DiagnosticSink
    /// The catalog root, against which relative paths are resolved.
    let root: String

    static let configurationKeys = ["store", "desk", "notifiers", "plugins", "web", "languages"]
    static let webKeys = ["base_url"]
    static let deskKeys = ["name", "address"]
    static let pluginsKeys = ["timeout"]
    /// The keys of each kind of notifier besides `kind` (a new kind adds its entry here).
    static let notifierKeys: [NotifierChoice.Kind: [String]] = [
        .disabled: [], .console: [], .maildir: ["folder"], .sendmail: ["command"], .plugin: ["plugin", "settings", "timeout"],
    ]
    /// Every key a notifier entry may hold, whatever its kind.
    static var allNotifierKeys: [String] {
        ["kind"] + NotifierChoice.Kind.allCases.flatMap { notifierKeys[$0] ?? [] }
    }

    var values: ValueReader { ValueReader(sink: sink) }

    func configuration(_ node: YAMLNode, file: String) -> DeskConfiguration? {
        guard let reader = MappingReader(node, context: "the configuration", keys: Self.configurationKeys, sink: sink) else {
            return nil
        }
        var configuration = DeskConfiguration(file: file)
        configuration.store = reader.scalar("store", required: false).flatMap(store)
        if let desk = reader.optional("desk"), let deskReader = MappingReader(desk, context: "desk", keys: Self.deskKeys, sink: sink) {
            configuration.deskName = deskReader.string("name", required: false).flatMap { name($0, at: deskReader.keyLocation("name")) }
            configuration.deskAddress = deskReader.scalar("address", required: false).flatMap(address)
        }
        if let notifiers = reader.optional("notifiers") {
            configuration.notifiers = self.notifiers(notifiers)
        }
        if let plugins = reader.optional("plugins"),
           let pluginsReader = MappingReader(plugins, context: "plugins", keys: Self.pluginsKeys, sink: sink) {
            configuration.pluginTimeout = pluginsReader.optional("timeout").flatMap { values.duration($0, what: "'timeout'") }
        }
        if let web = reader.optional("web"), let webReader = MappingReader(web, context: "web", keys: Self.webKeys, sink: sink) {
            configuration.baseURL = webReader.scalar("base_url", required: false).flatMap(baseURL)
        }
        if let languages = reader.optional("languages") {
            configuration.languages = self.languages(languages)
        }
        return configuration
    }

    /// `languages: [en, pt, es]`: supported language codes, English among them, each once.
    private func languages(_ node: YAMLNode) -> [String]? {
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of languages for 'languages' ([en, pt, es]), found \(node.kindDescription)", at: node.location)
            return nil
        }
        var codes: [String] = []
        for item in sequence.items {
            guard let scalar = values.scalar(item, what: "a language") else { return nil }
            guard LocalizedText.supportedLanguages.contains(scalar.value) else {
                sink.error(.unknownLanguage, "unknown language '\(scalar.value)' in 'languages'; use "
                           + LocalizedText.supportedLanguages.joined(separator: ", ")
                           + Suggestion.hint(for: scalar.value, in: LocalizedText.supportedLanguages), at: scalar.location)
                return nil
            }
            if !codes.contains(scalar.value) { codes.append(scalar.value) }
        }
        guard codes.contains("en") else {
            sink.error(.missingEnglish, "'languages' must include en, the language every text falls back to", at: node.location)
            return nil
        }
        return codes
    }

    /// The web portal's public address: an absolute `http://` or `https://` URL.
    private func baseURL(_ scalar: YAMLScalar) -> String? {
        guard let url = URL(string: scalar.value), ["http", "https"].contains(url.scheme?.lowercased() ?? ""), url.host != nil else {
            sink.error(.configurationValue, "the web portal's 'base_url' must be an http:// or https:// address such as https://help.example.com, found '\(scalar.value)'",
                       at: scalar.location)
            return nil
        }
        return scalar.value
    }

    private func store(_ scalar: YAMLScalar) -> TicketStoreURL? {
        do {
            switch try TicketStoreURL(parsing: scalar.value) {
            case .sqlite(let path): return .sqlite(path: resolved(path))
            case let other: return other
            }
        } catch {
            sink.error(.configurationValue, error.description, at: scalar.location)
            return nil
        }
    }

    private func name(_ text: String, at location: SourceLocation) -> String? {
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            sink.error(.configurationValue, "the desk's 'name' must be one line without control characters", at: location)
            return nil
        }
        return text
    }

    private func address(_ scalar: YAMLScalar) -> String? {
        let parts = scalar.value.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet.whitespacesAndNewlines.union(.controlCharacters).union(CharacterSet(charactersIn: "<>,;\"()"))
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              scalar.value.unicodeScalars.allSatisfy({ !forbidden.contains($0) }) else {
            sink.error(.configurationValue, "the desk's 'address' must be an e-mail address such as support@example.com, found '\(scalar.value)'",
                       at: scalar.location)
            return nil
        }
        return scalar.value
    }

    private func notifiers(_ node: YAMLNode) -> [NotifierChoice]? {
        guard case .sequence(let sequence) = node else {
            sink.error(.wrongKind, "expected a list of notifiers for 'notifiers' (- kind: maildir), found \(node.kindDescription)",
                       at: node.location)
            return nil
        }
        var choices: [NotifierChoice] = []
        var disabledItem: YAMLNode?
        for item in sequence.items {
            guard let choice = notifier(item) else { continue }
            if choice == .disabled { disabledItem = disabledItem ?? item }
            choices.append(choice)
        }
        guard choices.count == sequence.items.count else { return nil }
        if let disabledItem, choices.count > 1 {
            sink.error(.notifierSetting, "'kind: none' sends nothing and cannot be combined with other notifiers; remove it or the others",
                       at: disabledItem.location)
            return nil
        }
        return choices
    }

    private func notifier(_ node: YAMLNode) -> NotifierChoice? {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a mapping for a notifier (kind: maildir, folder: …), found \(node.kindDescription)", at: node.location)
            return nil
        }
        let kind = mapping["kind"].flatMap(kind)
        let reader = MappingReader(mapping, context: kind.map { "the \($0.rawValue) notifier" } ?? "a notifier",
                                   keys: Self.allNotifierKeys, sink: sink)
        if let kind {
            let own = Self.notifierKeys[kind] ?? []
            for entry in mapping.entries where entry.key.value != "kind" && !own.contains(entry.key.value) {
                guard let owner = NotifierChoice.Kind.allCases.first(where: { Self.notifierKeys[$0]?.contains(entry.key.value) == true })
                else { continue }
                sink.error(.notifierSetting, "'\(entry.key.value)' is a setting of the \(owner.rawValue) notifier, not of the \(kind.rawValue) notifier"
                           + (own.isEmpty ? "" : "; it takes " + own.map { "'\($0)'" }.joined(separator: ", ")),
                           at: entry.key.location)
            }
        }
        if mapping["kind"] == nil {
            sink.error(.missingKey, "missing key 'kind' in a notifier; use one of "
                       + NotifierChoice.Kind.allCases.map(\.rawValue).joined(separator: ", "), at: mapping.location)
        }
        switch kind {
        case nil: return nil
        case .disabled: return .disabled
        case .console: return .console
        case .maildir: return reader.string("folder").map { .maildir(folder: resolved($0)) }
        case .sendmail: return reader.string("command").map { .sendmail(command: $0) }
        case .plugin:
            let name = reader.identifier("plugin")
            let settings = reader.optional("settings").flatMap(settings)
            let timeout = reader.optional("timeout").flatMap { values.duration($0, what: "'timeout'") }
            guard let name, reader.optional("settings") == nil || settings != nil,
                  reader.optional("timeout") == nil || timeout != nil else { return nil }
            return .plugin(name: name.id, settings: settings ?? [:], timeout: timeout)
        }
    }

    private func kind(_ node: YAMLNode) -> NotifierChoice.Kind? {
        guard let scalar = values.scalar(node, what: "'kind'") else { return nil }
        if let kind = NotifierChoice.Kind(rawValue: scalar.value) { return kind }
        let names = NotifierChoice.Kind.allCases.map(\.rawValue)
        var message = "unknown notifier kind '\(scalar.value)'" + Suggestion.hintOrList(for: scalar.value, in: names)
        if Suggestion.closest(to: scalar.value, in: names) == nil, ValueReader.isIdentifier(scalar.value) {
            message += "; for the plugin formrunner-notifier-\(scalar.value) write kind: plugin and plugin: \(scalar.value)"
        }
        sink.error(.configurationValue, message, at: scalar.location)
        return nil
    }

    /// A plugin's settings: a mapping passed to it as a JSON object; scalars stay text.
    private func settings(_ node: YAMLNode) -> [String: JSONValue]? {
        guard case .mapping(let mapping) = node else {
            sink.error(.wrongKind, "expected a mapping of settings for 'settings', found \(node.kindDescription)", at: node.location)
            return nil
        }
        var result: [String: JSONValue] = [:]
        for entry in mapping.entries { result[entry.key.value] = json(entry.value) }
        return result
    }

    private func json(_ node: YAMLNode) -> JSONValue {
        switch node {
        case .scalar(let scalar): return scalar.isNull ? .null : .string(scalar.value)
        case .sequence(let sequence): return .array(sequence.items.map(json))
        case .mapping(let mapping):
            return .object(Dictionary(mapping.entries.map { ($0.key.value, json($0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    /// `path` relative to the catalog root, unless it is absolute.
    private func resolved(_ path: String) -> String {
        path.hasPrefix("/") || root == "." || root.isEmpty ? path : (root.hasSuffix("/") ? root + path : root + "/" + path)
    }
}
