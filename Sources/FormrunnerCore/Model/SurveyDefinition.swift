/// A life cycle's satisfaction survey: each time a ticket enters `status` a new round of the survey
/// opens; the requester answers `form` once per round, within `expiresAfterWorkingHours` working
/// hours (in the life cycle's calendar) of entering the status.
///
/// ```yaml
/// survey:
///   form: survey
///   status: solved
///   expires: {working_hours: 27}
/// ```
public struct SurveyDefinition: Hashable, Sendable {
    /// The form whose answers are the survey's.
    public var form: Reference
    /// The status whose every entry opens a round.
    public var status: Reference
    /// Working hours after entering ``status`` during which the survey can be answered.
    public var expiresAfterWorkingHours: Double
    /// Where `expires` was written.
    public var expiresLocation: SourceLocation
    public var location: SourceLocation

    public init(form: Reference, status: Reference, expiresAfterWorkingHours: Double, expiresLocation: SourceLocation,
                location: SourceLocation) {
        self.form = form
        self.status = status
        self.expiresAfterWorkingHours = expiresAfterWorkingHours
        self.expiresLocation = expiresLocation
        self.location = location
    }

    /// The time to answer, in working seconds.
    public var workingSeconds: Int64 { Int64((expiresAfterWorkingHours * 3600).rounded()) }
}
