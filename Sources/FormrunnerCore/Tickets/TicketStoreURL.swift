import Foundation

/// Where the tickets are kept, as given to `--store` or in configuration.
///
/// Accepted spellings:
/// - `sqlite:PATH` (also `sqlite://PATH`, so `sqlite:///var/x.sqlite` is the absolute `/var/x.sqlite`);
/// - a bare path, which means SQLite at that path;
/// - `memory:`, a store that lives as long as the process (for tests and dry runs);
/// - `postgres://…` or `postgresql://…`, a PostgreSQL database (read by the PostgreSQL store).
public enum TicketStoreURL: Hashable, Sendable, CustomStringConvertible {
    /// An SQLite file; a relative path is relative to the working directory.
    case sqlite(path: String)
    /// A store in memory, gone when the process ends.
    case memory
    /// A PostgreSQL database, as written (`postgres://USER@HOST:PORT/DATABASE?…`).
    case postgres(url: String)

    /// `sqlite:.formrunner/tickets.sqlite`, relative to the working directory.
    public static let `default` = TicketStoreURL.sqlite(path: ".formrunner/tickets.sqlite")

    /// A store location that could not be read.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The location as given.
        public var text: String
        /// Why it cannot be used.
        public var reason: String

        public var description: String { "cannot use '\(text)' as a ticket store: \(reason)" }
    }

    /// Reads a store location; see the type's documentation for the spellings.
    public init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if trimmed.isEmpty {
            throw ParseError(text: text, reason: "it is empty; give sqlite:PATH, a path, or memory:")
        }
        if lower == "memory:" || lower == "memory://" {
            self = .memory
        } else if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            self = .postgres(url: trimmed)
        } else if lower.hasPrefix("sqlite:") {
            var path = trimmed.dropFirst("sqlite:".count)
            if path.hasPrefix("//") { path = path.dropFirst(2) }
            guard !path.isEmpty else {
                throw ParseError(text: text, reason: "the SQLite path is missing (sqlite:PATH)")
            }
            self = .sqlite(path: String(path))
        } else if let scheme = TicketStoreURL.scheme(of: trimmed) {
            throw ParseError(text: text, reason: "'\(scheme):' stores are not known; use sqlite:PATH, a path, or memory:")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The location spelled the way ``init(parsing:)`` reads it back.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .memory: return "memory:"
        case .postgres(let url): return url
        }
    }

    /// The scheme of a `scheme://…` location, if `text` has one.
    private static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        return String(scheme)
    }
}
