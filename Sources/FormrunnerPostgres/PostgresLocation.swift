import Foundation
import FormrunnerCore
import PostgresNIO

/// A PostgreSQL store location read from a `postgres://` URL.
///
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?PARAMETERS]` (also `postgresql://`). The port
/// defaults to 5432, the user to the one running the process, the database to the user's name.
/// Parameters:
/// - `sslmode=disable|prefer|require` (default `prefer`: TLS when the server offers it);
/// - `host=/socket/folder` connects through the Unix socket `<folder>/.s.PGSQL.<port>` instead of TCP;
/// - `attachments=/folder` is where attachment files are kept (content-addressed); give every machine
///   the same shared folder. Without it the caller's default is used.
public struct PostgresLocation: Hashable, Sendable {
    /// How to reach the server.
    public enum Endpoint: Hashable, Sendable {
        /// A host name or address and a TCP port.
        case tcp(host: String, port: Int)
        /// The path of a Unix socket (`<folder>/.s.PGSQL.<port>`).
        case socket(path: String)
    }

    /// Whether the connection uses TLS.
    public enum TLSMode: String, Hashable, Sendable {
        /// Never TLS.
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// How to reach the server.
    public var endpoint: Endpoint
    /// The user to log in as.
    public var username: String
    /// The password, if the URL gives one.
    public var password: String?
    /// The database holding the tickets.
    public var database: String
    /// Whether the connection uses TLS.
    public var tls: TLSMode
    /// Where attachment files are kept.
    public var attachments: URL

    /// Reads `url`; `defaultAttachments` is used when the URL has no `attachments=` parameter.
    /// - Throws: ``TicketStoreError/unavailable(_:)`` saying what is wrong with the URL.
    public init(url: String, defaultAttachments: URL) throws(TicketStoreError) {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw .unavailable("'\(PostgresLocation.redacted(url))' is not a postgres://USER@HOST:PORT/DATABASE URL")
        }
        let user = components.user.flatMap { $0.isEmpty ? nil : $0 } ?? NSUserName()
        username = user
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? user : path
        let port = components.port ?? 5432
        var socketFolder: String?
        var tls = TLSMode.prefer
        var attachments = defaultAttachments
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw .unavailable("sslmode '\(value)' is not disable, prefer or require")
                }
                tls = mode
            case "host": socketFolder = value
            case "attachments": attachments = URL(fileURLWithPath: value, isDirectory: true)
            default:
                throw .unavailable("the PostgreSQL URL parameter '\(item.name)' is not known; use sslmode, host or attachments")
            }
        }
        if let socketFolder, socketFolder.hasPrefix("/") {
            endpoint = .socket(path: (socketFolder as NSString).appendingPathComponent(".s.PGSQL.\(port)"))
        } else if let host = socketFolder ?? components.host, !host.isEmpty {
            endpoint = .tcp(host: host, port: port)
        } else {
            throw .unavailable("the PostgreSQL URL names no host: postgres://USER@HOST:PORT/DATABASE")
        }
        self.tls = tls
        self.attachments = attachments.standardizedFileURL
    }

    /// The configuration of the connection pool.
    func clientConfiguration() throws(TicketStoreError) -> PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        switch endpoint {
        case .tcp(let host, let port):
            let mode: PostgresClient.Configuration.TLS
            switch tls {
            case .disable: mode = .disable
            case .prefer: mode = .prefer(.makeClientConfiguration())
            case .require: mode = .require(.makeClientConfiguration())
            }
            configuration = .init(host: host, port: port, username: username, password: password, database: database,
                                  tls: mode)
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: username, password: password, database: database)
        }
        configuration.options.maximumConnections = 8
        return configuration
    }

    /// The postgres-nio configuration of one connection to this location (the store migrates its
    /// schema through one: it fails at once when the server cannot be reached, where a pool would keep
    /// trying). Tools that need the database directly, such as the benchmarks, connect with it.
    /// - Throws: when the TLS context cannot be made.
    public func connectionConfiguration() throws -> PostgresConnection.Configuration {
        switch endpoint {
        case .tcp(let host, let port):
            let mode: PostgresConnection.Configuration.TLS
            switch tls {
            case .disable: mode = .disable
            case .prefer: mode = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            return .init(host: host, port: port, username: username, password: password, database: database, tls: mode)
        case .socket(let path):
            return .init(unixSocketPath: path, username: username, password: password, database: database)
        }
    }

    /// `url` with its password replaced by `***`, for messages.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
