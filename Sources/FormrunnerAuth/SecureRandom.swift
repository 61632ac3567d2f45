/// Random bytes from the system's cryptographically secure generator.
enum SecureRandom {
    /// `count` random bytes from `SystemRandomNumberGenerator`.
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
