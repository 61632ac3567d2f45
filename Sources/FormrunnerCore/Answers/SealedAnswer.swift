import Foundation

/// `type: secret` answers at rest: sealed with the desk's key (as TOTP secrets are), never indexed
/// for search, shown masked, and opened only on an explicit request (see
/// `TicketDesk.revealSecrets(of:to:team:at:)`).
///
/// A sealed answer is kept as the text `sealed:v1:` followed by the Base64 of the sealed bytes,
/// bound to the ticket's form, the field and the requester's e-mail: copied into another ticket or
/// field, it does not open.
public enum SealedAnswer {
    /// What a sealed answer's text starts with.
    public static let prefix = "sealed:v1:"
    /// What is shown instead of a secret.
    public static let mask = "••••••"

    /// Whether `value` is a sealed answer.
    public static func isSealed(_ value: AnswerValue?) -> Bool {
        if case .text(let text)? = value { return text.hasPrefix(prefix) }
        return false
    }

    /// What a secret answer is bound to.
    public static func context(form: String, field: String, requester: String) -> String {
        "answer:\(form):\(field):\(requester.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())"
    }

    /// `answers` with the non-empty text answers of the `secret` fields of `form` sealed.
    public static func sealing(_ answers: [String: AnswerValue], form: FormDefinition, requester: String,
                               with sealer: any SecretSealing) throws -> [String: AnswerValue] {
        var sealed = answers
        for field in form.fields where field.type == .secret {
            guard case .text(let text)? = answers[field.id], !text.isEmpty, !text.hasPrefix(prefix) else { continue }
            let bytes = try sealer.seal(Data(text.utf8), context: context(form: form.id, field: field.id, requester: requester))
            sealed[field.id] = .text(prefix + bytes.base64EncodedString())
        }
        return sealed
    }

    /// The secret a sealed `value` of field `field` holds.
    public static func open(_ value: AnswerValue, form: String, field: String, requester: String,
                            with sealer: any SecretSealing) throws -> String? {
        guard case .text(let text) = value, text.hasPrefix(prefix),
              let bytes = Data(base64Encoded: String(text.dropFirst(prefix.count))) else { return nil }
        let opened = try sealer.open(bytes, context: context(form: form, field: field, requester: requester))
        return String(decoding: opened, as: UTF8.self)
    }

    /// `answers` with every sealed answer replaced by ``mask``.
    public static func masked(_ answers: [String: AnswerValue]) -> [String: AnswerValue] {
        answers.mapValues { isSealed($0) ? .text(mask) : $0 }
    }
}
