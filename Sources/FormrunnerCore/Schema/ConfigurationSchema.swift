/// Schema definitions for `formrunner.yaml`, the desk's configuration.
enum ConfigurationSchema {
    typealias S = DefinitionSchema
    typealias Decoder = ConfigurationDecoder

    static var definitions: [String: JSONValue] {
        [
            "configuration": S.object("configuration", [
                "store": ["type": "string", "description": "sqlite:PATH (relative to the catalog), a path, memory: or postgres://…"],
                "desk": S.ref("desk"),
                "notifiers": ["type": "array", "items": S.ref("notifier")],
                "plugins": S.ref("plugins"),
                "web": S.ref("web"),
                "languages": ["type": "array", "uniqueItems": true,
                              "items": S.enumeration(LocalizedText.supportedLanguages, "a language code"),
                              "description": "the languages the catalog is written in; validate warns about missing translations"],
            ], description: "formrunner.yaml: the desk's store, notifiers and plugins (flags and environment variables win)."),
            "desk": S.object("desk", [
                "name": ["type": "string", "minLength": 1, "description": "the sender's name of e-mails"],
                "address": ["type": "string", "pattern": "^[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+$",
                            "description": "the sender's address of e-mails"],
            ], description: "Who the desk's e-mails come from."),
            "notifier": S.object("notifier", [
                "kind": S.enumeration(NotifierChoice.Kind.allCases.map(\.rawValue), "how messages are delivered"),
                "folder": ["type": "string", "description": "maildir: the Maildir folder, relative to the catalog"],
                "command": ["type": "string", "minLength": 1, "description": "sendmail: the command line, e.g. /usr/sbin/sendmail -t -i"],
                "plugin": S.ref("id"),
                "settings": ["type": "object", "description": "plugin: passed to the plugin as JSON; values stay text"],
                "timeout": S.ref("duration"),
            ], required: ["kind"], description: "A notifier; which keys apply depends on its kind."),
            "plugins": S.object("plugins", ["timeout": S.ref("duration")],
                                description: "Settings for every external plugin."),
            "web": S.object("web", [
                "base_url": ["type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^/\\s]+", "description": "the web portal's public address, e.g. https://help.example.com"],
            ], description: "The web portal (env FORMRUNNER_BASE_URL wins)."),
        ]
    }

    /// The keys each mapping of the configuration accepts.
    static var acceptedKeys: [String: [String]] {
        ["configuration": Decoder.configurationKeys, "desk": Decoder.deskKeys,
         "notifier": Decoder.allNotifierKeys, "plugins": Decoder.pluginsKeys,
         "web": Decoder.webKeys]
    }
}
