#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Folders and files only their owner may use (0700 and 0600), whatever the umask: the store, its
/// key, the Maildir (which holds one-time codes) and the attachment vault are created this way.
public enum PrivateFiles {
    /// Creates the folder at `path` and any missing parents with mode 0700. Folders that already
    /// exist keep their mode (they may be the operator's own, such as `/var/lib`).
    /// - Throws: a message naming the folder that could not be created.
    public static func createFolder(_ path: String) throws(PrivateFileError) {
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            built += "/" + component
            var status = stat()
            if stat(built, &status) == 0 { continue }
            guard mkdir(built, 0o700) == 0 || errno == EEXIST else {
                throw PrivateFileError("cannot create the folder \(built): \(String(cString: strerror(errno)))")
            }
            guard chmod(built, 0o700) == 0 else {
                throw PrivateFileError("cannot restrict the folder \(built) to its owner: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Creates an empty file at `path` with mode 0600 unless one is there; returns whether it created it.
    @discardableResult
    public static func createFile(_ path: String) throws(PrivateFileError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o600) == 0 else {
                throw PrivateFileError("cannot restrict \(path) to its owner: \(String(cString: strerror(errno)))")
            }
            return true
        }
        guard errno == EEXIST else { throw PrivateFileError("cannot create \(path): \(String(cString: strerror(errno)))") }
        return false
    }

    /// Sets mode 0600 on each of `paths` that exists.
    public static func restrict(_ paths: [String]) throws(PrivateFileError) {
        for path in paths where FileManager.default.fileExists(atPath: path) {
            guard chmod(path, 0o600) == 0 else {
                throw PrivateFileError("cannot restrict \(path) to its owner: \(String(cString: strerror(errno)))")
            }
        }
    }
}
