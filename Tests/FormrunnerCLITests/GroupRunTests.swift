import Foundation
import Testing

extension RunEndToEndTests {
    /// A repeatable group in a terminal (`Tests/Fixtures/groups`): each item's fields, "Add another
    /// order?" while the group takes more, an item field's own `when:`, the review of the items
    /// (remove one), then the form's review and Create ticket.
    @Suite("a repeatable group in a terminal")
    struct GroupRunTests {
        static let catalog = CommandRunner.repository + "/Tests/Fixtures/groups"

        @Test("items are asked one by one, checked on the spot, reviewed, and filed as a list")
        func groupInTerminal() async throws {
            let desk = try RunDesk()
            try desk.addUser("ana@example.com", name: "Ana Souza")
            let tmux = try desk.terminal(["run", "refund", "--catalog", Self.catalog])
            defer { tmux.close() }
            try await tmux.answer("E-mail", text: "ana@example.com")
            let code = try await desk.nextCode(screen: { tmux.screen() })
            try await tmux.answer("Code sent to ana@example.com", text: code)
            try await tmux.waitFor("Signed in as ")
            try await tmux.answer("Title", text: "Two orders")

            // The first item is needed (min 1): no "Add another" before it.
            try await tmux.waitFor("Order 1 of 3")
            try await tmux.waitFor("? Order id")
            try tmux.type("ORD-1", enter: true)
            try await tmux.waitFor("must match the pattern ORD-[0-9]{6}")
            try tmux.press("C-u")
            try tmux.type("ORD-000001", enter: true)
            try await tmux.waitFor("✔ Order id")
            try await tmux.answer("Amount", text: "12.5")
            try await tmux.choose("Reason", "damaged")
            try await tmux.answer("What does the damage look like?", text: "Box crushed")
            try await tmux.answer("Add another order?") { try tmux.type("y") }

            try await tmux.waitFor("Order 2 of 3")
            try await tmux.answer("Order id", text: "ORD-000002")
            try await tmux.answer("Amount", text: "3")
            try await tmux.choose("Reason", "missing")
            try await tmux.answer("Add another order?") { try tmux.type("n") }

            let review = try await tmux.waitFor("? What next?")
            #expect(review.contains("""
                Review: Affected orders
                1. Order id: ORD-000001; Amount: 12.5; Reason: Arrived damaged; What does the damage look like?: Box crushed
                2. Order id: ORD-000002; Amount: 3; Reason: Never arrived
                """), "\(review)")
            // The photo question belongs to damaged orders only: never asked for the second.
            #expect(review.components(separatedBy: "✔ What does the damage look like?").count == 2)

            try await tmux.choose("What next?", "Remove")
            try await tmux.choose("Which item?", "Order 2")
            try await tmux.waitFor("✔ Which item?")
            try await tmux.choose("What next?", "Keep")

            let formReview = try await tmux.waitFor("Review: Ask for a refund")
            #expect(!formReview.contains("Why so many orders?"))
            try await tmux.waitFor("Affected orders: 1. Order id: ORD-000001; Amount: 12.5; Reason: Arrived damaged; "
                                   + "What does the damage look like?: Box crushed")
            try await tmux.choose("What next?", "Create ticket")
            #expect(try await tmux.waitForExit() == 0)
            let orders = try #require((try desk.answers(ofTicket: 1)["orders"] as? [String: Any])?["items"] as? [[String: Any]])
            #expect(orders.count == 1)
            #expect(orders.first?["photo_note"] as? [String: String] == ["text": "Box crushed"])
            #expect(orders.first?["amount"] as? [String: Double] == ["number": 12.5])
        }
    }
}
