import Foundation

/// The metadata of one attached file: what a `files` answer stores.
public struct AttachmentRef: Hashable, Sendable, Codable {
    /// The file name as the requester gave it (never used as a path).
    public var name: String
    /// Size in bytes.
    public var size: Int64
    /// The media type, for example `application/pdf`.
    public var mediaType: String
    /// Lower-case hexadecimal SHA-256 of the content.
    public var sha256: String

    public init(name: String, size: Int64, mediaType: String, sha256: String) {
        self.name = name
        self.size = size
        self.mediaType = mediaType
        self.sha256 = sha256
    }
}

/// One answer to one field, already checked against the field's type.
public enum AnswerValue: Hashable, Sendable {
    /// `text`, `multiline`, `email` and `secret` fields.
    case text(String)
    /// `number` fields.
    case number(Double)
    /// `boolean` fields.
    case boolean(Bool)
    /// `date` fields.
    case date(LocalDate)
    /// `datetime` fields: the wall time in the form's calendar zone.
    case dateTime(LocalDateTime)
    /// `choice` fields: the chosen option's id.
    case choice(String)
    /// `multichoice` fields: the chosen options' ids, in the form's order.
    case choices([String])
    /// `files` fields.
    case files([AttachmentRef])
}
