/// Comparisons whose running time does not depend on where the inputs first differ, for secrets
/// and their hashes.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes; the time taken depends only on their lengths.
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// Whether two strings have the same UTF-8 bytes; the time taken depends only on their lengths.
    public static func equal(_ a: String, _ b: String) -> Bool {
        equal(Array(a.utf8), Array(b.utf8))
    }
}
