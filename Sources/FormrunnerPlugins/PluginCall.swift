import Foundation
import FormrunnerProcess

/// One request to an installed plugin and its checked reply: the part that notifier and
/// authenticator plugins share.
struct PluginCall {
    let plugin: InstalledPlugin
    let timeout: TimeInterval

    /// Sends `request` and returns the plugin's reply, or `nil` when it printed nothing and
    /// `replyRequired` is false.
    /// - Throws: ``PluginFailure`` when the plugin cannot start, times out, exits other than 0,
    ///   prints something that is not a reply, or answers `"ok": false`.
    func send(_ request: some Encodable, replyRequired: Bool) async throws(PluginFailure) -> PluginProtocol.Reply? {
        let executable = (plugin.path as NSString).lastPathComponent
        let input: Data
        do {
            input = try PluginProtocol.encode(request)
        } catch {
            throw PluginFailure(executable: executable, reason: .cannotStart("\(error)"))
        }
        let result: BoundedProcess.Result
        do {
            result = try await BoundedProcess(executable: plugin.path, timeout: timeout).run(input: input)
        } catch {
            throw PluginFailure(executable: executable, reason: .cannotStart(error.reason))
        }
        let stderr = result.standardError
        if result.timedOut { throw PluginFailure(executable: executable, reason: .timedOut(timeout), standardError: stderr) }
        if let signal = result.signal { throw PluginFailure(executable: executable, reason: .killed(signal), standardError: stderr) }
        if let status = result.exitStatus, status != 0 {
            throw PluginFailure(executable: executable, reason: .exited(status), standardError: stderr)
        }
        let text = String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && !replyRequired { return nil }
        guard let reply = try? JSONDecoder().decode(PluginProtocol.Reply.self, from: Data(text.utf8)) else {
            throw PluginFailure(executable: executable, reason: .invalidReply(PluginFailure.summary(of: Data(text.utf8), limit: 200)),
                                standardError: stderr)
        }
        if !reply.ok {
            let error = PluginFailure.summary(of: Data((reply.error ?? "no reason given").utf8))
            throw PluginFailure(executable: executable, reason: .refused(error), standardError: stderr)
        }
        return reply
    }
}
