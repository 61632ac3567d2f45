#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormrunnerCore

/// An exclusive advisory lock (`flock`) on a file, held while a closure runs.
///
/// Used around opening and migrating the database so that processes starting at the same time
/// migrate one after the other. `flock` locks belong to the open file, so two openers in one process
/// exclude each other too. The lock file stays in place: removing it would let a late opener lock a
/// different file.
enum FileLock {
    /// Runs `body` while holding an exclusive lock on `path` (created if missing), waiting for it.
    static func withExclusiveLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw TicketStoreError.unavailable("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw TicketStoreError.unavailable("cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
