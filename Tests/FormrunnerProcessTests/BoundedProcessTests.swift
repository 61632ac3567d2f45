#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import FormrunnerProcess

/// Each bound of the one process runner, proven by what happens to the program and its output.
@Suite("Running a program within bounds")
struct BoundedProcessTests {
    @Test("large input and floods on both outputs do not deadlock; each output is kept up to its bound")
    func printsTooMuch() async throws {
        let scripts = try ScriptFolder()
        // Reads all of its input, then floods both outputs.
        let path = try scripts.write("flood", """
        wc -c > "$0.count"
        head -c 3000000 /dev/zero | tr '\\0' 'o'
        head -c 3000000 /dev/zero | tr '\\0' 'e' >&2
        """)
        let input = Data(repeating: UInt8(ascii: "i"), count: 2_000_000)
        let result = try await BoundedProcess(executable: path, timeout: 60).run(input: input)
        #expect(result.exitStatus == 0 && !result.timedOut)
        #expect(result.standardOutput.count == 1 << 20 && result.standardError.count == 64 << 10)
        let count = try String(contentsOfFile: path + ".count", encoding: .utf8)
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "2000000")
    }

    @Test("an output limit of zero reads and drops everything")
    func dropsOutput() async throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("chatty", "head -c 500000 /dev/zero; echo said >&2")
        var process = BoundedProcess(executable: path, timeout: 60)
        process.outputLimit = 0
        let result = try await process.run(input: Data())
        #expect(result.exitStatus == 0 && result.standardOutput.isEmpty)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "said\n")
    }

    @Test("a program that exits without reading its input does not hurt the caller")
    func ignoresInput() async throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("deaf", "echo bye; exit 3")
        let result = try await BoundedProcess(executable: path, timeout: 60).run(input: Data(count: 4_000_000))
        #expect(result.exitStatus == 3 && result.signal == nil)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "bye\n")
    }

    /// Runs a script that starts `sleep 300` in the background (after `prelude`), says so on
    /// standard error and waits for it, with a time limit of half a second; returns the result
    /// and the pid of the `sleep`.
    func runSleeper(prelude: String, grace: TimeInterval) async throws -> (BoundedProcess.Result, Int32) {
        let scripts = try ScriptFolder()
        let path = try scripts.write("hang", prelude + """

        sleep 300 &
        echo $! > "$0.child"
        echo started >&2
        wait
        """)
        var process = BoundedProcess(executable: path, timeout: 0.5)
        process.terminationGrace = grace
        let result = try await process.run(input: Data())
        return (result, try #require(try ScriptFolder.pid(in: path + ".child")))
    }

    @Test("past the time limit the whole process group is stopped, children included, and nothing is left unreaped")
    func sleepsTooLong() async throws {
        let (result, child) = try await runSleeper(prelude: "", grace: 2)
        #expect(result.timedOut && result.exitStatus == nil && result.signal == nil)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "started\n")
        #expect(ScriptFolder.isGone(child), "the program's child \(child) is still running")
    }

    @Test("a group that ignores SIGTERM is killed after the grace period")
    func ignoresTerm() async throws {
        // The ignored SIGTERM is inherited by the child too.
        let (result, child) = try await runSleeper(prelude: "trap '' TERM", grace: 0.3)
        #expect(result.timedOut)
        #expect(ScriptFolder.isGone(child), "the program's child \(child) survived SIGKILL")
    }

    @Test("a child left behind holding the outputs does not hold up the caller after the program exits")
    func leftBehind() async throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("daemon", """
        sleep 30 &
        echo $! > "$0.child"
        echo done
        """)
        let result = try await BoundedProcess(executable: path, timeout: 20).run(input: Data())
        #expect(result.exitStatus == 0 && !result.timedOut)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "done\n")
        if let child = try ScriptFolder.pid(in: path + ".child") { kill(child, SIGKILL) }
    }

    @Test("an executable still open for writing (text file busy) is started once it is closed")
    func textFileBusy() async throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("busy", "echo ran")
        // Held open for writing, as by a child forked while the script was being written:
        // starting it fails with ETXTBSY until the descriptor is closed, by a thread of its own.
        let writer = open(path, O_WRONLY | O_CLOEXEC)
        try #require(writer >= 0)
        Thread.detachNewThread {
            usleep(300_000)
            close(writer)
        }
        let result = try await BoundedProcess(executable: path, timeout: 30).run(input: Data())
        #expect(result.exitStatus == 0 && String(decoding: result.standardOutput, as: UTF8.self) == "ran\n")
        #expect(result.busyRetries > 0)
    }

    @Test("a descriptor the caller left open without close-on-exec does not reach the program")
    func noLeakedDescriptors() async throws {
        let scripts = try ScriptFolder()
        let secret = try scripts.write("held-open", "exit 0", executable: false)
        // As a file being written by another thread would be: open, and not close-on-exec.
        let held = open(secret, O_WRONLY)
        try #require(held >= 0)
        defer { close(held) }
        let path = try scripts.write("descriptors", "exec ls -l /proc/self/fd")
        let result = try await BoundedProcess(executable: path, timeout: 30).run(input: Data())
        let listing = String(decoding: result.standardOutput, as: UTF8.self)
        #expect(result.exitStatus == 0 && listing.contains("/proc/"))
        #expect(!listing.contains(secret), "the program got the caller's descriptor: \(listing)")
    }

    @Test("a file that cannot be run is reported with the system's reason")
    func cannotStart() async throws {
        let scripts = try ScriptFolder()
        let path = try scripts.write("plain", "exit 0", executable: false)
        await #expect(throws: ProcessStartError(path: path, reason: "Permission denied")) {
            try await BoundedProcess(executable: path, timeout: 5).run(input: Data())
        }
        #expect(ProcessStartError(path: path, reason: "Permission denied").description
                == "cannot start '\(path)': Permission denied")
    }
}
