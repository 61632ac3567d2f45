import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with a clean signal state (nothing blocked, every handler default)
/// and only its three standard streams open.
///
/// `Process` hands its child the signal mask of the thread that starts it, and the test runner's
/// threads block most signals. A tmux server started that way never sees SIGCHLD (it cannot
/// reap its panes, so `kill-server` hangs) and passes the mask on to the program in its pane
/// (which then never gets the SIGINT of a Ctrl-C). Output goes to files, not pipes, because the
/// tmux server forks from the first client and must not hold a pipe the test is reading. Every
/// other descriptor is closed in the child: the tmux server lives on and would otherwise keep
/// whatever another test had open at that moment (a script still being written stays "text
/// file busy" for as long as the server runs).
enum CleanSpawn {
    /// How the program ended and what it printed.
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `executable arguments` with `environment`; `scratch` is a path prefix for the output files.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String],
                    scratch: String) throws -> Result {
        let outputPath = scratch + ".out", errorsPath = scratch + ".err"
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #if os(Linux)
        _ = closeFrom(&actions, 3)
        #endif
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw SpawnFailure(executable: executable, error: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnFailure(executable: executable, error: errno) }
        }
        let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
                      errors: (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "")
    }
}

#if os(Linux)
/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module
/// does not export.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func closeFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
#endif

/// A program that could not be started or waited for.
struct SpawnFailure: Error, CustomStringConvertible {
    var executable: String
    var error: Int32
    var description: String { "cannot run \(executable): \(String(cString: strerror(error)))" }
}
