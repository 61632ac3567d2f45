/// Lines of `tickets import` files for the tests: `technical.intake` tickets of the repository's catalog.
public enum ImportLines {
    /// Answers to `technical.intake` that pass its checks, as the `answers` key of a line.
    public static let answers = """
        "answers": {"title": "Checkout fails with error 500", "description": "Since this morning the checkout returns error 500.", \
        "experience_level": "advanced", "users_affected": "end_users", "problem_impact": "critical", "environment": "production", \
        "problem_type": "unexpected_behavior"}
        """

    /// A line for an open ticket of ana@example.com filed at `created`, with `id` as its `external_id`;
    /// `extra` adds keys (it starts with a comma).
    public static func line(_ id: String, created: String, extra: String = "") -> String {
        "{\"external_id\": \"\(id)\", \"form\": \"technical.intake\", \"requester\": \"ana@example.com\", \(answers), "
            + "\"created_at\": \"\(created)\"\(extra)}"
    }

    /// The keys of a ticket solved by an agent at `solved` after being filed at `created`, with its history.
    public static func solvedHistory(created: String, solved: String) -> String {
        """
        , "history": [{"at": "\(created)", "actor": "requester", "event": "create", "to": "open"}, \
        {"at": "\(solved)", "actor": "agent", "event": "solve", "from": "open", "to": "solved", "message": "Fixed the gateway"}]
        """
    }
}
