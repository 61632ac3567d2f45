#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
import Foundation
import FormrunnerCore

/// Seals secrets with ChaCha20-Poly1305 under a 256-bit key kept in a file readable only by its owner.
///
/// The key file is created on first use (32 random bytes, mode 0600) atomically: it is written
/// under a temporary name and linked into place, so processes starting together agree on one key.
/// A key file that others may read or write, or that is not exactly 32 bytes, is refused.
///
/// Losing the key file makes the sealed secrets unreadable (users must set up their authenticator
/// app again); back it up with the database, but not in the same place as copies you share.
public struct KeyFileSecretSealer: SecretSealing {
    /// The key file.
    public let path: String
    /// The key bytes (`SymmetricKey` is not `Sendable` in this swift-crypto, so it is made per use).
    private let keyBytes: [UInt8]

    /// The sealer for the database at `databasePath`, with its key in `<database path>.key`.
    public static func forDatabase(at databasePath: String) throws -> KeyFileSecretSealer {
        try KeyFileSecretSealer(keyFile: URL(fileURLWithPath: databasePath).standardizedFileURL.path + ".key")
    }

    /// The sealer whose key is in `keyFile`, created when missing.
    public init(keyFile: String) throws {
        path = keyFile
        if !FileManager.default.fileExists(atPath: keyFile) { try KeyFileSecretSealer.createKey(keyFile) }
        keyBytes = try KeyFileSecretSealer.readKey(keyFile)
    }

    /// A sealer with a random key that lives as long as this process, for a `memory:` store (whose
    /// sealed secrets die with it anyway); its ``path`` is empty.
    public static func ephemeral() -> KeyFileSecretSealer {
        KeyFileSecretSealer(path: "", keyBytes: SecureRandom.bytes(32))
    }

    private init(path: String, keyBytes: [UInt8]) {
        self.path = path
        self.keyBytes = keyBytes
    }

    /// The key bytes, for deriving purpose-bound keys with HKDF (see ``SurveyToken/Key/derived(from:)``).
    var keyMaterial: [UInt8] { keyBytes }

    /// A 32-byte key for one purpose, derived from the key file with HKDF-SHA256 (`purpose` is the
    /// HKDF info): every process with the same key file derives the same key, and no derived key
    /// reveals the file's key or another purpose's key.
    public func derivedKey(purpose: String) -> [UInt8] {
        HKDF<Crypto.SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: keyBytes), info: Data(purpose.utf8), outputByteCount: 32)
            .withUnsafeBytes { Array($0) }
    }

    public func seal(_ secret: Data, context: String) throws -> Data {
        try ChaChaPoly.seal(secret, using: SymmetricKey(data: keyBytes), authenticating: Data(context.utf8)).combined
    }

    public func open(_ sealed: Data, context: String) throws -> Data {
        try ChaChaPoly.open(ChaChaPoly.SealedBox(combined: sealed), using: SymmetricKey(data: keyBytes), authenticating: Data(context.utf8))
    }

    /// Writes a new random key to `path` unless another process got there first.
    private static func createKey(_ path: String) throws {
        let temporary = path + ".incoming-\(UUID().uuidString)"
        let descriptor = openFile(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create the key file \(path)") }
        defer { unlink(temporary) }
        let bytes = SecureRandom.bytes(32)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == 32, synced == 0 else { throw failure("cannot write the key file \(path)") }
        guard link(temporary, path) == 0 || errno == EEXIST else { throw failure("cannot create the key file \(path)") }
    }

    /// The 32 key bytes in `path`, refusing a file others can use.
    private static func readKey(_ path: String) throws -> [UInt8] {
        let descriptor = openFile(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW, 0)
        guard descriptor >= 0 else { throw failure("cannot open the key file \(path)") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("cannot inspect the key file \(path)") }
        guard status.st_mode & 0o077 == 0 else {
            throw IdentityStoreError.unavailable(
                "the key file \(path) may be read or changed by other users (mode \(String(status.st_mode & 0o777, radix: 8))); run chmod 600 \(path)")
        }
        var bytes = [UInt8](repeating: 0, count: 33)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == 32 else {
            throw IdentityStoreError.unavailable("the key file \(path) does not hold a 32-byte key")
        }
        return Array(bytes.prefix(32))
    }

    private static func failure(_ what: String) -> IdentityStoreError {
        .unavailable("\(what): \(String(cString: strerror(errno)))")
    }
}

/// `open(2)`, named apart from ``KeyFileSecretSealer/open(_:context:)``.
private func openFile(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    open(path, flags, mode)
}
