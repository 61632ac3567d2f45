import Foundation

/// A tiny HTTP server for the webhook plugin's end-to-end test, started by the test itself
/// (`python3`, installed by .ci/run when missing): it records each POST body it accepts as
/// `N.json` (and its Idempotency-Key as `N.key`) in its folder, and answers with the status written
/// in the folder's `status` file (200 when there is none).
final class WebhookServer {
    let folder = NSTemporaryDirectory() + "formrunner-webhook-" + UUID().uuidString
    private let process = Process()
    /// The URL to POST to.
    private(set) var url = ""

    static let source = #"""
    import http.server, os, sys
    folder = sys.argv[1]
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            try:
                status = int(open(os.path.join(folder, "status")).read())
            except OSError:
                status = 200
            if status == 200:
                count = len([name for name in os.listdir(folder) if name.endswith(".json")]) + 1
                with open(os.path.join(folder, "%d.key" % count), "w") as key:
                    key.write(self.headers.get("Idempotency-Key", ""))
                with open(os.path.join(folder, "%d.tmp" % count), "wb") as saved:
                    saved.write(body)
                os.rename(os.path.join(folder, "%d.tmp" % count), os.path.join(folder, "%d.json" % count))
            self.send_response(status)
            self.end_headers()
        def log_message(self, *arguments):
            pass
    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()
    """#

    init() throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.source, folder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let port = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard Int(port) != nil else { throw CocoaError(.fileReadUnknown) }
        url = "http://127.0.0.1:\(port)/hooks/formrunner"
    }

    deinit {
        // SIGKILL: the test runner's threads block most signals and the child inherits that mask,
        // so a SIGTERM might never arrive.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Makes the server answer `status` from now on.
    func answer(_ status: Int) throws {
        try String(status).write(toFile: folder + "/status", atomically: true, encoding: .utf8)
    }

    /// The bodies accepted so far, decoded, in order.
    func received() throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }
            .sorted { Int($0.dropLast(5)) ?? 0 < Int($1.dropLast(5)) ?? 0 }
        return try names.map { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
        }
    }

    /// The Idempotency-Key of the `index`-th accepted body (1-based).
    func key(_ index: Int) throws -> String {
        try String(contentsOfFile: folder + "/\(index).key", encoding: .utf8)
    }
}
