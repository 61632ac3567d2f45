import Foundation

/// Signal handling while a question waits for input.
///
/// While armed, SIGINT only raises a flag that the input loop turns into
/// ``PromptInterruption/cancelled``, so every exit goes through the callers' `defer`s. SIGTERM,
/// SIGHUP and SIGQUIT restore the saved terminal mode (when raw) and then take their default
/// action. Disarming puts the previous handlers back.
enum SignalTrap {
    /// Set by the SIGINT handler; read and cleared by ``takeInterrupt()``.
    nonisolated(unsafe) private static var interrupted: Int32 = 0
    /// The terminal mode to put back if the process is killed while raw.
    nonisolated(unsafe) private static var restoreMode: (descriptor: Int32, mode: termios)?
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]
    nonisolated(unsafe) private static var depth = 0
    private static let lock = NSLock()

    private static let fatalSignals: [Int32] = [SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers; `mode` is the terminal mode to restore on a fatal signal.
    static func arm(restoring mode: (descriptor: Int32, mode: termios)?) {
        lock.lock()
        defer { lock.unlock() }
        if mode != nil { restoreMode = mode }
        depth += 1
        guard depth == 1 else { return }
        interrupted = 0
        previous[SIGINT] = install(SIGINT) { _ in SignalTrap.interrupted = 1 }
        for signal in fatalSignals {
            previous[signal] = install(signal) { number in SignalTrap.restoreAndDie(number) }
        }
    }

    /// Puts the previous handlers back.
    static func disarm() {
        lock.lock()
        defer { lock.unlock() }
        depth -= 1
        guard depth == 0 else { return }
        restoreMode = nil
        for (signal, action) in previous {
            var action = action
            sigaction(signal, &action, nil)
        }
        previous = [:]
    }

    /// Whether SIGINT arrived since the last call.
    static func takeInterrupt() -> Bool {
        defer { interrupted = 0 }
        return interrupted != 0
    }

    private static func restoreAndDie(_ number: Int32) {
        if var saved = restoreMode {
            tcsetattr(saved.descriptor, TCSANOW, &saved.mode)
            let showCursor: [UInt8] = Array("\u{1B}[?25h\r\n".utf8)
            _ = write(saved.descriptor, showCursor, showCursor.count)
        }
        signal(number, SIG_DFL)
        raise(number)
    }

    /// Installs `handler` for `number` without SA_RESTART, so a blocked read returns EINTR.
    private static func install(_ number: Int32, _ handler: @convention(c) (Int32) -> Void) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var old = sigaction()
        sigaction(number, &action, &old)
        return old
    }
}
