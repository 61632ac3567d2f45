import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HTTP/1.1 to a server on 127.0.0.1 over a plain socket, one request per connection
/// (`Connection: close`), redirects not followed and cookies left to the caller: what the tests of
/// several `formrunner serve` processes need to carry one browser's cookie from one to another.
struct LoopbackHTTP {
    /// What the server answered.
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        /// The first header called `name` (any case).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The value a `Set-Cookie` header gives the cookie `name`, if one does.
        func cookie(_ name: String) -> String? {
            for (header, value) in headers where header.lowercased() == "set-cookie" {
                let pair = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
                if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
            }
            return nil
        }
    }

    /// A failure to talk to the server.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The port on 127.0.0.1.
    let port: Int

    /// `GET path`, sending the cookie `formrunner_session` when given.
    func get(_ path: String, session: String? = nil) throws -> Response {
        try request("GET", path, session: session, body: nil)
    }

    /// `POST path` of an HTML form's fields, sending the cookie `formrunner_session` when given.
    func post(_ path: String, form: [(String, String)], session: String? = nil) throws -> Response {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = form.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return try request("POST", path, session: session, body: encoded)
    }

    private func request(_ method: String, _ path: String, session: String?, body: String?) throws -> Response {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if let session { request += "Cookie: formrunner_session=\(session)\r\n" }
        if let body {
            request += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body
        } else {
            request += "\r\n"
        }
        return try Self.parse(try exchange(Array(request.utf8)))
    }

    /// Writes `request` and reads until the server closes the connection (30 s at most per read).
    private func exchange(_ request: [UInt8]) throws -> [UInt8] {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "cannot open a socket") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw Failure(description: "cannot connect to 127.0.0.1:\(port): \(String(cString: strerror(errno)))") }
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw Failure(description: "cannot send to 127.0.0.1:\(port)") }
            sent += written
        }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "no answer from 127.0.0.1:\(port) within 30 s") }
            received += buffer[..<count]
        }
        return received
    }

    /// The status, headers and body (a chunked body decoded) of a whole response.
    private static func parse(_ bytes: [UInt8]) throws -> Response {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - separator.count)).first(where: { Array(bytes[$0..<$0 + separator.count]) == separator })
        else { throw Failure(description: "an incomplete HTTP response: \(String(decoding: bytes, as: UTF8.self))") }
        let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "not an HTTP status line: \(lines[0])")
        }
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(end + separator.count)...])
        let response = Response(status: status, headers: headers, body: "")
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" { body = dechunked(body) }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// The content of a chunked body.
    private static func dechunked(_ bytes: [UInt8]) -> [UInt8] {
        var content: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = (index..<bytes.count - 1).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            content += bytes[start..<min(start + size, bytes.count)]
            index = start + size + 2
        }
        return content
    }
}
