import Foundation

/// The directory's staff (agents and admins) as last read, kept with the directory's change count
/// (``UserDirectory/changeCount()``): a create that assigns reads only the count, and the staff again
/// only when it moved — a user added, changed (a team, away) or removed, by any process. A directory
/// without a change count is read every time.
///
/// One cache is shared by a ``TicketDesk`` and its copies.
public final class StaffCache: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (count: Int64, staff: [UserRecord])?

    /// An empty cache.
    public init() {}

    /// The staff of `directory`, from the cache when its change count has not moved.
    public func staff(of directory: any UserDirectory) async throws -> [UserRecord] {
        try await counted(of: directory).staff
    }

    /// ``staff(of:)`` with the change count it is as of (`nil` for a directory without one).
    public func counted(of directory: any UserDirectory) async throws -> (count: Int64?, staff: [UserRecord]) {
        // The count is read before the staff: a change between the two reads leaves an older count
        // with newer users, which the next call reads again.
        guard let count = try await directory.changeCount() else { return (nil, try await directory.staff()) }
        if let hit = lock.withLock({ kept?.count == count ? kept?.staff : nil }) { return (count, hit) }
        let staff = try await directory.staff()
        lock.withLock { kept = (count, staff) }
        return (count, staff)
    }

    /// The staff as last read, with its change count, without asking the directory; `nil` before the
    /// first read. For a caller whose store checks the count where it writes (see
    /// ``AssignmentRequest/directoryCount``).
    public func lastRead() -> (count: Int64, staff: [UserRecord])? {
        lock.withLock { kept }
    }
}
