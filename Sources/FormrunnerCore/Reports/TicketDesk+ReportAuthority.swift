import Foundation

extension TicketDesk {
    /// Who may read the desk's reports: agents (of any team: a report holds figures, never a
    /// ticket's content or a requester's address) and admins. On a desk without agents yet, anyone,
    /// as for the agents' commands. Returns the normalised e-mail of the reader, if named.
    ///
    /// - Throws: ``Failure/notAuthorized(_:)`` when nobody is named although the desk has agents, or
    ///   when `person` is unknown or a requester.
    public func authorizeReport(_ person: String?) async throws -> String? {
        guard let person else {
            guard let people, try await Self.hasStaff(try people()) else { return nil }
            throw Failure.notAuthorized(
                "reports are for agents and admins: name who reads it with --user EMAIL (or FORMRUNNER_USER); "
                + "add an agent with: formrunner users add EMAIL --name NAME --role agent --team TEAM")
        }
        let email = UserRecord.normalizedEmail(person)
        guard let people else { throw Failure.notAuthorized("\(email) cannot be checked: this desk keeps no users") }
        guard let user = try await people().user(email: email) else {
            throw Failure.notAuthorized(
                "there is no user \(email); reports are for agents and admins: formrunner users add \(email) --name NAME --role agent --team TEAM")
        }
        guard user.role != .requester else {
            throw Failure.notAuthorized(
                "\(email) is a requester; reports are for agents and admins: formrunner users update \(email) --role agent --team TEAM")
        }
        return email
    }
}
