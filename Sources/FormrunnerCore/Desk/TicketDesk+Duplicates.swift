import Foundation

extension TicketDesk {
    /// The key the store refuses a second ticket with, and the check of the requester's latest
    /// tickets that the store makes in the create's own transaction (`nil` when it was made here, or
    /// is not needed).
    ///
    /// With an idempotency key: that key (with the requester), for good. Without: a digest of who
    /// asked what, with the ``duplicateWindow`` slice of time it was asked in, so that the store
    /// refuses a double submission atomically; one that falls in the previous slice is found among
    /// the requester's latest tickets: by the store in its transaction when it is a
    /// ``RecentTicketsCheckingWriter``, else read and refused here.
    ///
    /// `storedAnswers` is the ticket's answers as ``StoredAnswers/encode(_:)`` writes them, when the
    /// digest wrote them (no secret answers), for the store to write as they are.
    func duplicateGuard(_ ticket: Ticket, form: FormDefinition, idempotencyKey: String?,
                        at now: Date) async throws -> (key: String, recent: RecentTicketsCheck?, storedAnswers: String?) {
        let requester = UserRecord.normalizedEmail(ticket.requester.email)
        if let idempotencyKey {
            var hash = SHA256()
            hash.update(Data("idempotency\u{0}\(requester)\u{0}\(idempotencyKey)".utf8))
            return ("idempotency:" + hash.hexDigest(), nil, nil)
        }
        let (digest, storedAnswers) = Self.submissionDigestAndStoredAnswers(ticket, form: form)
        let slice = Int64((now.timeIntervalSince1970 / max(duplicateWindow, 1)).rounded(.down))
        let key = digest + ":" + String(slice)
        let formID = ticket.formID, window = duplicateWindow
        let check = RecentTicketsCheck(
            requester: requester, limit: Self.recentTicketsChecked,
            isCandidate: { id, createdAt in id == formID && abs(now.timeIntervalSince(createdAt)) < window },
            repeats: { earlier in Self.submissionDigest(earlier, form: form) == digest })
        if store is any RecentTicketsCheckingWriter { return (key, check, storedAnswers) }
        let recent = try await store.list(requester: requester, status: nil, before: nil, limit: check.limit)
        if let earlier = recent.first(where: { check.isCandidate($0.formID, $0.createdAt) && check.repeats($0) }) {
            throw TicketStoreError.duplicateSubmission(existing: earlier.number)
        }
        return (key, nil, storedAnswers)
    }

    /// How many of the requester's latest tickets the duplicate check looks at.
    static let recentTicketsChecked = 20

    /// A digest of who asked what: the form, its version, the requester and the answers, without the
    /// secret ones (sealed, they differ each time).
    static func submissionDigest(_ ticket: Ticket, form: FormDefinition) -> String {
        submissionDigestAndStoredAnswers(ticket, form: form).digest
    }

    /// ``submissionDigest(_:form:)``, and the ticket's answers as ``StoredAnswers/encode(_:)`` writes
    /// them when the digest's text is that (the form has no secret field), else `nil`: the two differ
    /// only in `/`, which the digest escapes (`\/`), so an answer with a slash is written twice.
    static func submissionDigestAndStoredAnswers(_ ticket: Ticket, form: FormDefinition) -> (digest: String, storedAnswers: String?) {
        // Ids only: filtering the fields themselves would copy each definition.
        let secretFields = Set(form.fields.compactMap { $0.type == .secret ? $0.id : nil })
        let answers: String
        var storedAnswers: String?
        if secretFields.isEmpty, let stored = try? StoredAnswers.encode(ticket.answers) {
            storedAnswers = stored
            answers = !stored.utf8.contains(UInt8(ascii: "/")) ? stored
                : (try? AnswersJSON.sortedJSON(ticket.answers, escapingSlashes: true)) ?? ""
        } else {
            let kept = secretFields.isEmpty ? ticket.answers : ticket.answers.filter { !secretFields.contains($0.key) }
            // The bytes `JSONEncoder` writes with `.sortedKeys` (see `AnswersJSON`).
            answers = (try? AnswersJSON.sortedJSON(kept, escapingSlashes: true)) ?? ""
        }
        return (digest(ticket, answersJSON: answers), storedAnswers)
    }

    /// The digest of who asked (`ticket`'s form, version and requester) and `answersJSON`.
    private static func digest(_ ticket: Ticket, answersJSON answers: String) -> String {
        var hash = SHA256()
        hash.update(utf8: "\(ticket.formID)\u{0}\(ticket.formVersion)\u{0}\(ticket.requester.email.lowercased())\u{0}")
        hash.update(utf8: answers)
        return hash.hexDigest()
    }
}
