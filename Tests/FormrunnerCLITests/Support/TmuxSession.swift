import Foundation

/// The real `formrunner` binary running in a pseudo-terminal under tmux, driven as a person would:
/// keys go in with `send-keys`, the screen comes back with `capture-pane`.
///
/// Each session has its own tmux server (its own socket, `tmux -L`), a 120 × 50 window without a
/// status line, and a wrapper script that records the program's exit status in a file. The pane
/// stays after the program ends (`remain-on-exit`), so its last screen can still be read.
/// ``close()`` (or deinit) kills the server.
///
/// ```swift
/// let tmux = try TmuxSession(["run", "technical-support"], environment: desk.environment, folder: desk.folder)
/// try await tmux.waitFor("? E-mail")
/// try tmux.type("ana@example.com", enter: true)
/// #expect(try await tmux.waitForExit() == 0)
/// ```
final class TmuxSession {
    /// The tmux server's socket name.
    let socket: String
    private let exitFile: String
    /// The path prefix of the files tmux commands write their output to.
    private let scratch: String
    private var closed = false
    /// The server's socket file, removed by ``close()`` (tmux leaves it behind).
    private var socketPath: String?

    /// Starts `formrunner arguments` in a new tmux server.
    /// - Parameters:
    ///   - environment: variables set for the program (on top of the test's environment, without
    ///     `NO_COLOR` unless given here).
    ///   - folder: a scratch folder for the wrapper script, the tmux configuration and the exit file.
    init(_ arguments: [String], environment: [String: String], folder: String, columns: Int = 120, rows: Int = 50) throws {
        let name = "formrunner-e2e-" + UUID().uuidString.prefix(8).lowercased()
        socket = name
        exitFile = folder + "/\(name).exit"
        scratch = folder + "/\(name).tmux"
        let configuration = folder + "/\(name).conf"
        try """
            set -g remain-on-exit on
            set -g status off
            set -g history-limit 10000

            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        // The shell survives a Ctrl-C meant for the program (a trap with a command, unlike an
        // ignored signal, is reset to the default in the program) and records its exit status.
        var script = "#!/bin/sh\ntrap : INT\nunset NO_COLOR\ncd \(Self.quoted(CommandRunner.repository))\n"
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) {
            script += "export \(key)=\(Self.quoted(value))\n"
        }
        script += ([CommandRunner.binary] + arguments).map(Self.quoted).joined(separator: " ") + "\n"
        script += "echo \"$?\" > \(Self.quoted(exitFile + ".partial")) && mv \(Self.quoted(exitFile + ".partial")) \(Self.quoted(exitFile))\n"
        let scriptPath = folder + "/\(name).sh"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        try tmux(["-f", configuration, "new-session", "-d", "-s", "run", "-x", String(columns), "-y", String(rows),
                  "sh " + Self.quoted(scriptPath)])
        socketPath = try? tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { close() }

    // MARK: Keys

    /// Types `text` literally (`send-keys -l`), then presses Enter when asked.
    func type(_ text: String, enter: Bool = false) throws {
        try tmux(["send-keys", "-t", "run", "-l", text])
        if enter { try press("Enter") }
    }

    /// Presses keys by their tmux names: `Enter`, `Down`, `Up`, `BSpace`, `C-c`, `C-d`, `C-u`…
    func press(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "run"] + keys)
    }

    // MARK: Screen

    /// The whole transcript: the scrollback and the visible screen, wrapped lines joined.
    /// With `escapes`, the colours and attributes are kept as escape sequences.
    func screen(escapes: Bool = false) -> String {
        (try? tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "run"] + (escapes ? ["-e"] : []))) ?? "(no screen: tmux is gone)"
    }

    /// The lines under the last line holding `header` on `screen`, up to the first empty line:
    /// the rest of a question's frame, such as the options of a list.
    static func lines(under header: String, on screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let start = lines.lastIndex(where: { $0.contains(header) }) else { return [] }
        return Array(lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    /// Waits until the transcript holds `text` at least `count` times; returns it.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = Waiting.defaultTimeout) async throws -> String {
        try await waitUntil("'\(text)' on the screen" + (count > 1 ? " \(count) times" : ""), timeout: timeout) {
            $0.components(separatedBy: text).count - 1 >= count
        }
    }

    /// Waits until `condition` holds for the transcript (`awaited` says what for, if it never does).
    @discardableResult
    func waitUntil(_ awaited: String, timeout: Double = Waiting.defaultTimeout,
                   _ condition: (String) -> Bool) async throws -> String {
        try await Waiting.until(awaited, timeout: timeout, snapshot: { screen() }) {
            let screen = screen()
            return condition(screen) ? screen : nil
        }
    }

    /// Waits until the lines under the last line holding `header` are `lines` (a question's options).
    func waitForLines(under header: String, _ lines: [String]) async throws {
        try await waitUntil("under '\(header)' the lines\n" + lines.joined(separator: "\n")) {
            Self.lines(under: header, on: $0) == lines
        }
    }

    /// Waits for the program to end and returns its exit status.
    func waitForExit(timeout: Double = Waiting.defaultTimeout) async throws -> Int32 {
        try await Waiting.until("the program to exit", timeout: timeout, snapshot: { screen() }) {
            guard let text = try? String(contentsOfFile: exitFile, encoding: .utf8) else { return nil }
            return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Kills the tmux server (and the program, if it still runs).
    func close() {
        guard !closed else { return }
        closed = true
        _ = try? tmux(["kill-server"])
        if let socketPath, !socketPath.isEmpty { try? FileManager.default.removeItem(atPath: socketPath) }
    }

    // MARK: tmux

    /// Runs a tmux command on this session's server; returns its standard output.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        let result = try CleanSpawn.run("/usr/bin/env", ["tmux", "-L", socket] + arguments, environment: environment,
                                        scratch: scratch)
        guard result.status == 0 else { throw TmuxFailure(arguments: arguments, message: result.errors) }
        return result.output
    }

    /// `text` in single quotes for sh.
    static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A tmux command that failed.
struct TmuxFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var message: String
    var description: String { "tmux \(arguments.joined(separator: " ")) failed: \(message)" }
}

extension RunDesk {
    /// Starts `formrunner arguments` on this desk in a terminal (with `environment` on top of the desk's).
    func terminal(_ arguments: [String], environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(arguments, environment: self.environment.merging(environment) { _, new in new }, folder: folder)
    }
}
