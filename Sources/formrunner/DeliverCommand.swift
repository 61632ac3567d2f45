import ArgumentParser

/// `formrunner deliver`: delivers the outbox.
struct Deliver: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Deliver the messages waiting in the outbox (failed ones are retried with backoff)."
    )

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let session = try await DeskSession(global, delivering: true)
        await session.deliver(bounded: false)
    }
}
