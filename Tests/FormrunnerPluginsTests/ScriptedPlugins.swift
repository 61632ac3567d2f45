import Foundation
import FormrunnerCore
import FormrunnerPlugins

/// A temporary folder of scripted plugins: small shell scripts written by the tests.
final class ScriptedPlugins {
    /// The folder, to put on a PATH.
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "formrunner-plugins-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `script` (a POSIX shell body) as `name` in `subfolder`, executable unless told otherwise.
    @discardableResult
    func write(_ name: String, _ script: String, executable: Bool = true, in subfolder: String? = nil) throws -> String {
        let directory = subfolder.map { folder + "/" + $0 } ?? folder
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        try ("#!/bin/sh\n" + script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
        return path
    }

    /// A notifier plugin called `name` running `script`.
    func notifier(_ name: String, _ script: String) throws -> InstalledPlugin {
        InstalledPlugin(name: name, kind: .notifier, path: try write("formrunner-notifier-" + name, script))
    }

    /// An authenticator plugin called `name` running `script`.
    func authenticator(_ name: String, _ script: String) throws -> InstalledPlugin {
        InstalledPlugin(name: name, kind: .auth, path: try write("formrunner-auth-" + name, script))
    }

    /// A message like the ones the desk writes.
    static func message(id: String = "m-1") -> OutboxMessage {
        OutboxMessage(id: id, ticketNumber: 7, recipient: .requester, address: "ana@example.com",
                      template: "ticket-created", subject: "Ticket #7 received", body: "Hello Ana,\nwe got it.\n",
                      createdAt: Date(timeIntervalSince1970: 1_790_000_000))
    }
}
