// The bare baseline of `Benchmarks/web.sh`: Hummingbird 2 with one GET route answering a fixed
// HTML page, bound as `formrunner serve` binds (`.hostname(host, port:)`, no server name), with no
// middleware, no session and no store. What a portal page costs beyond this is the portal's own work.
//
//     hello-web HOST:PORT PAGE.html     # serves PAGE.html's bytes at GET /; port 0 picks a free one
//
// Prints "serving on http://HOST:PORT/" once it listens, as `formrunner serve` does.
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
guard arguments.count == 3, let colon = arguments[1].lastIndex(of: ":"),
      let port = Int(arguments[1][arguments[1].index(after: colon)...]),
      let page = FileManager.default.contents(atPath: arguments[2]) else {
    FileHandle.standardError.write(Data("usage: hello-web HOST:PORT PAGE.html\n".utf8))
    exit(64)
}
let host = String(arguments[1][..<colon])
let body = ByteBuffer(bytes: page)

let router = Router()
router.get("/") { _, _ in
    Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: nil),
                      onServerRunning: { channel in
                          FileHandle.standardOutput.write(Data("serving on http://\(host):\(channel.localAddress?.port ?? port)/\n".utf8))
                      })
try await app.runService()
