import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser for tests: keeps its cookies (the session's and the state tag's), takes the CSRF token from the last page, follows
/// redirects, and remembers where it ended up.
final class PortalBrowser: @unchecked Sendable {
    let client: any TestClientProtocol
    /// The cookies it keeps, by name.
    private(set) var cookies: [String: String] = [:]
    /// The `Cookie` header it sends: every cookie kept, or nil when there is none.
    var cookie: String? {
        cookies.isEmpty ? nil : cookies.keys.sorted().map { "\($0)=\(cookies[$0]!)" }.joined(separator: "; ")
    }
    /// The last page's HTML.
    private(set) var page = ""
    /// The last page's path (after redirects).
    private(set) var location = "/"
    /// The last response, redirects followed.
    private(set) var last: TestResponse?

    init(_ client: any TestClientProtocol, cookies: [String: String] = [:]) {
        self.client = client
        self.cookies = cookies
    }

    /// The CSRF token of the last page's forms.
    var csrf: String? {
        guard let range = page.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
        let match = String(page[range])
        return match.components(separatedBy: "value=\"").last.map { String($0.dropLast()) }
    }

    /// GETs `path`, following redirects.
    @discardableResult
    func get(_ path: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(path, method: .get, headers: headers, body: nil)
    }

    /// POSTs URL-encoded `fields` (with the last page's CSRF token unless `csrf` is false), following redirects.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws -> TestResponse {
        var all = fields
        if csrf, let token = self.csrf { all.append(("_csrf", token)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                              body: ByteBuffer(string: body))
    }

    /// POSTs a multipart body with `fields` and `files` (name, file name, content).
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [(String, String, Data)]) async throws -> TestResponse {
        let boundary = "----formrunner-test-boundary"
        var body = Data()
        var all = fields
        if let token = csrf { all.append(("_csrf", token)) }
        for (name, value) in all {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for (name, filename, content) in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await send(path, method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                              body: ByteBuffer(bytes: body))
    }

    /// POSTs `body` as it is, with `contentType`, following redirects.
    @discardableResult
    func postRaw(_ path: String, contentType: String, body: [UInt8]) async throws -> TestResponse {
        try await send(path, method: .post, headers: [.contentType: contentType], body: ByteBuffer(bytes: body))
    }

    private func send(_ path: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var uri = path
        var method = method
        var body = body
        var headers = headers
        for _ in 0..<10 {
            if let cookie, headers[.cookie] == nil { headers[.cookie] = cookie }
            let response = try await client.execute(uri: uri, method: method, headers: headers, body: body)
            for value in response.headers[values: .setCookie] {
                guard let pair = value.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
                cookies[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            guard response.status == .seeOther, let next = response.headers[.location] else {
                last = response
                location = uri
                page = String(buffer: response.body)
                return response
            }
            uri = next
            method = .get
            body = nil
            headers = [:]
        }
        throw PortalBrowserError.tooManyRedirects
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

enum PortalBrowserError: Error {
    case tooManyRedirects
}
