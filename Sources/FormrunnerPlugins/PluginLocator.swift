import Foundation

/// Finds external plugins: executables named `formrunner-notifier-NAME` or `formrunner-auth-NAME`
/// in the folders of `PATH`, searched in order. As with git and kubectl, the first folder that
/// holds an executable of a name wins; a file of that name that may not be run is skipped.
public struct PluginLocator: Sendable {
    /// The folders searched, in order.
    public var folders: [String]

    /// A locator searching `path`, a `PATH`-style list of folders separated by `:` (the
    /// environment's `PATH` by default). An empty entry means the current folder, as for the shell.
    public init(path: String? = ProcessInfo.processInfo.environment["PATH"]) {
        folders = (path ?? "").split(separator: ":", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "." : String($0) }
    }

    /// Every plugin found, sorted by kind then name: for each kind and name, the first executable
    /// on the path, or, when none may be run, the first file (marked not executable).
    public func all() -> [InstalledPlugin] {
        var chosen: [String: InstalledPlugin] = [:]
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for file in names.sorted() {
                guard let kind = PluginKind.allCases.first(where: { file.hasPrefix($0.prefix) }) else { continue }
                let name = String(file.dropFirst(kind.prefix.count))
                guard !name.isEmpty else { continue }
                let path = (folder as NSString).appendingPathComponent(file)
                let plugin = InstalledPlugin(name: name, kind: kind, path: path, isExecutable: Self.isExecutableFile(path))
                let key = kind.prefix + name
                if let earlier = chosen[key], earlier.isExecutable || !plugin.isExecutable { continue }
                chosen[key] = plugin
            }
        }
        return chosen.values.sorted { ($0.kind.rawValue, $0.name) < ($1.kind.rawValue, $1.name) }
    }

    /// The plugin of `kind` called `name`.
    /// - Throws: ``PluginLookupError`` when there is none on the path, or only files that may not be run.
    public func plugin(_ kind: PluginKind, named name: String) throws(PluginLookupError) -> InstalledPlugin {
        let file = kind.executableName(name)
        var notExecutable: String?
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if Self.isExecutableFile(path) { return InstalledPlugin(name: name, kind: kind, path: path) }
            notExecutable = notExecutable ?? path
        }
        if let notExecutable { throw .notExecutable(kind: kind, name: name, path: notExecutable) }
        throw .missing(kind: kind, name: name, available: all().filter { $0.kind == kind && $0.isExecutable }.map(\.name))
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }
}
