/// A `calendar` document: a business calendar and where it was defined.
public struct CalendarDefinition: Hashable, Sendable {
    public var title: LocalizedText?
    public var calendar: BusinessCalendar
    public var location: SourceLocation
    public var file: String

    /// The calendar's id.
    public var id: String { calendar.id }
}
