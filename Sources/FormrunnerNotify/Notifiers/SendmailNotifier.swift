import Foundation
import FormrunnerCore
import FormrunnerProcess

/// Delivers each message by running a sendmail-compatible command (sendmail, msmtp, …) with the
/// RFC 5322 message on its standard input.
///
/// The command must take the recipients from the message's headers: `/usr/sbin/sendmail -t -i` or
/// `msmtp -t`. It runs without a shell (see ``CommandWords``); a program named without `/` is
/// looked up on `PATH`. An exit status other than 0, a signal or the time limit throws
/// ``SendmailError`` with what the command wrote on standard error, so the outbox retries the
/// message with backoff. The message is the same bytes on every attempt (see ``EMLWriter``): its
/// Message-ID lets the mail system recognise a retry.
public struct SendmailNotifier: Notifier {
    /// `sendmail`.
    public var name: String { "sendmail" }
    /// The program and its arguments.
    public var command: [String]
    /// How long one delivery may take before the command is stopped.
    public var timeout: TimeInterval
    /// How messages are written.
    public var writer: EMLWriter

    /// The time limit used when none is given: 30 seconds.
    public static let defaultTimeout: TimeInterval = 30

    /// A notifier running `command` (program first).
    public init(command: [String], timeout: TimeInterval = SendmailNotifier.defaultTimeout, writer: EMLWriter = EMLWriter()) {
        self.command = command
        self.timeout = timeout
        self.writer = writer
    }

    /// A notifier running the command line `line`, split by ``CommandWords``.
    ///
    /// - Throws: ``CommandWords/Problem`` when the line is empty or a quote is not closed.
    public init(commandLine line: String, timeout: TimeInterval = SendmailNotifier.defaultTimeout,
                writer: EMLWriter = EMLWriter()) throws(CommandWords.Problem) {
        self.init(command: try CommandWords.split(line), timeout: timeout, writer: writer)
    }

    /// The command as one line, for messages.
    public var commandLine: String { command.joined(separator: " ") }

    /// Runs the command with `message` on its standard input.
    ///
    /// - Throws: ``SendmailError`` when the command cannot be run, fails, or runs out of time.
    public func deliver(_ message: OutboxMessage) async throws {
        if let problem = EMLWriter.addressProblem(message.address) { throw UnwritableAddressError(description: problem) }
        guard let program = command.first else { throw SendmailError(command: commandLine, reason: .notFound) }
        guard let executable = Self.locate(program) else { throw SendmailError(command: commandLine, reason: .notFound) }
        // Standard output is read and dropped; standard error is kept for the message.
        var process = BoundedProcess(executable: executable.path, arguments: Array(command.dropFirst()), timeout: timeout)
        process.outputLimit = 0
        let ending: BoundedProcess.Result
        do {
            ending = try await process.run(input: writer.data(for: message))
        } catch {
            throw SendmailError(command: commandLine, reason: .cannotStart(error.reason))
        }
        let said = SendmailError.excerpt(String(decoding: ending.standardError, as: UTF8.self))
        if ending.timedOut {
            throw SendmailError(command: commandLine, reason: .timedOut(seconds: timeout, standardError: said))
        }
        if let signal = ending.signal {
            throw SendmailError(command: commandLine, reason: .signalled(signal, standardError: said))
        }
        if let status = ending.exitStatus, status != 0 {
            throw SendmailError(command: commandLine, reason: .failed(status: status, standardError: said))
        }
    }

    /// The executable `program` names: a path when it holds `/`, else the first match on `PATH`.
    static func locate(_ program: String) -> URL? {
        let manager = FileManager.default
        if program.contains("/") {
            return manager.isExecutableFile(atPath: program) ? URL(fileURLWithPath: program) : nil
        }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(program)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               manager.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }
}
