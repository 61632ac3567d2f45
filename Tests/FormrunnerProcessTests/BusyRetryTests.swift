#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import FormrunnerProcess

/// The wait for a "text file busy" executable, whatever interrupts it.
@Suite("Starting a busy executable")
struct BusyRetryTests {
    /// What the starting thread hands back to the test.
    private final class Start: @unchecked Sendable {
        var thread: pthread_t?
        var outcome: Result<(pid: pid_t, busyRetries: Int), ProcessStartError>?
        let ready = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let mayExit = DispatchSemaphore(value: 0)
    }

    @Test("signals that cut its pauses short do not shorten the wait for the file to be closed")
    func signalsDuringTheWait() throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("busy-signalled", "exit 0")
        let writer = open(path, O_WRONLY | O_CLOEXEC)
        try #require(writer >= 0)
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        try #require(null >= 0)
        defer { close(null) }
        // A handler, as Dispatch installs one for SIGCHLD: each signal ends a pause early. Left in
        // place afterwards (it does nothing), so a late signal cannot end the test process.
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in }
        sigemptyset(&action.sa_mask)
        try #require(sigaction(SIGUSR2, &action, nil) == 0)

        let start = Start()
        Thread.detachNewThread {
            start.thread = pthread_self()
            // The test runner's threads block most signals; a program's main thread does not.
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGUSR2)
            pthread_sigmask(SIG_UNBLOCK, &signals, nil)
            start.ready.signal()
            start.outcome = Result { () throws(ProcessStartError) in
                try ProcessSpawner(executable: path, arguments: [], environment: [:])
                    .spawn(stdin: null, stdout: null, stderr: null)
            }
            start.finished.signal()
            start.mayExit.wait()  // alive until the test stops signalling it
        }
        start.ready.wait()
        let starting = try #require(start.thread)
        // A signal every millisecond for half a second (a hundred pauses of 20 ms would be spent
        // in about 100 ms), then the file is closed.
        let clock = ContinuousClock()
        let closeAt = clock.now.advanced(by: .milliseconds(500))
        var gaveUpEarly = false
        while clock.now < closeAt {
            if start.finished.wait(timeout: .now()) == .success { gaveUpEarly = true; break }
            pthread_kill(starting, SIGUSR2)
            usleep(1_000)
        }
        close(writer)
        if !gaveUpEarly { start.finished.wait() }
        start.mayExit.signal()

        #expect(!gaveUpEarly, "the start gave up while the file was still open")
        let started = try start.outcome.map { try $0.get() }
        let pid = try #require(started?.pid)
        #expect((started?.busyRetries ?? 0) > 0)
        var status: Int32 = 0
        #expect(waitpid(pid, &status, 0) == pid && ProcessSpawner.exitCode(status) == 0)
    }
}
