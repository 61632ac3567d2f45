/// What one round of the outbox dispatcher did.
public struct DispatchReport: Hashable, Sendable {
    /// A delivery or bookkeeping problem.
    public struct Failure: Hashable, Sendable {
        /// The message concerned, or `nil` when the outbox itself could not be read.
        public var messageID: String?
        /// The ticket the message is about.
        public var ticketNumber: Int64?
        /// What went wrong.
        public var error: String

        /// A failure of message `messageID` about ticket `ticketNumber`.
        public init(messageID: String?, ticketNumber: Int64?, error: String) {
            self.messageID = messageID
            self.ticketNumber = ticketNumber
            self.error = error
        }
    }

    /// Messages claimed for delivery.
    public var claimed = 0
    /// Messages delivered (and recorded as delivered).
    public var delivered = 0
    /// Deliveries that failed this round, dead ones included.
    public var failed = 0
    /// Ids of messages that failed their last allowed attempt and will not be tried again.
    public var dead: [String] = []
    /// Every problem, in the order met.
    public var errors: [Failure] = []

    /// An empty report.
    public init() {}

    /// Adds the counts and problems of `other` to this report.
    public mutating func merge(_ other: DispatchReport) {
        claimed += other.claimed
        delivered += other.delivered
        failed += other.failed
        dead += other.dead
        errors += other.errors
    }
}
