import Foundation
import FormrunnerPlugins
import Testing

@Suite("Running a plugin process")
struct PluginProcessTests {
    @Test("large input and large output in both streams do not deadlock; output is kept up to its bound")
    func bigStreams() async throws {
        let plugins = try ScriptedPlugins()
        // Reads all of its input, then floods both outputs.
        let path = try plugins.write("flood", """
        wc -c > "$0.count"
        head -c 3000000 /dev/zero | tr '\\0' 'o'
        head -c 3000000 /dev/zero | tr '\\0' 'e' >&2
        """)
        let input = Data(repeating: UInt8(ascii: "i"), count: 2_000_000)
        let result = try await PluginProcess(executable: path, timeout: 60).run(input: input)
        #expect(result.exitStatus == 0 && !result.timedOut)
        #expect(result.standardOutput.count == 1 << 20 && result.standardError.count == 64 << 10)
        let count = try String(contentsOfFile: path + ".count", encoding: .utf8)
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "2000000")
    }

    @Test("a plugin that exits without reading its input does not hurt formrunner")
    func ignoresInput() async throws {
        let plugins = try ScriptedPlugins()
        let path = try plugins.write("deaf", "echo bye; exit 3")
        let result = try await PluginProcess(executable: path, timeout: 60).run(input: Data(count: 4_000_000))
        #expect(result.exitStatus == 3)
        #expect(String(decoding: result.standardOutput, as: UTF8.self) == "bye\n")
    }

    @Test("on a timeout the whole process group is killed, children included, and nothing is left unreaped")
    func timeout() async throws {
        let plugins = try ScriptedPlugins()
        let path = try plugins.write("hang", """
        sleep 300 &
        echo $! > "$0.child"
        echo started >&2
        wait
        """)
        let result = try await PluginProcess(executable: path, timeout: 0.5).run(input: Data())
        #expect(result.timedOut && result.exitStatus == nil)
        #expect(String(decoding: result.standardError, as: UTF8.self) == "started\n")
        let child = try #require(Int32(try String(contentsOfFile: path + ".child", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        // The child was killed: gone, or at most a zombie waiting for init to reap it.
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?
            .split(separator: ")").last?.split(separator: " ").first
        #expect(state == nil || state == "Z", "the plugin's child \(child) is still running")
    }

    @Test("a file that cannot be run is reported with the system's reason")
    func cannotStart() async throws {
        let plugins = try ScriptedPlugins()
        let path = try plugins.write("plain", "exit 0", executable: false)
        await #expect(throws: PluginStartError(path: path, reason: "Permission denied")) {
            try await PluginProcess(executable: path, timeout: 5).run(input: Data())
        }
    }
}
