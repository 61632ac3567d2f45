import Foundation
import FormrunnerCore
import FormrunnerPrompt

/// The screens of `formrunner desk`: the queue, and one ticket with the actions an agent takes on it.
final class DeskScreen {
    let session: DeskSession
    let person: String?
    let request: TicketDesk.QueueRequest
    private let screen = FullScreen()
    private var entries: [QueueEntry] = []
    private var selected = 0
    /// The ticket shown, or nil on the queue.
    private var open: Int64?
    private var lines: [String] = []
    private var scroll = 0
    /// The last action's outcome, on the bottom line.
    private var status = ""

    init(session: DeskSession, person: String?, request: TicketDesk.QueueRequest) {
        self.session = session
        self.person = person
        self.request = request
    }

    static let queueKeys = "↑↓ choose · Enter open · g refresh · q quit"
    static let ticketKeys = "r reply · n note · s solve · t take · a assign · Tab next · ↑↓ scroll · Esc queue · q quit"

    func run() async throws {
        screen.begin()
        defer { screen.end() }
        await reloadQueue()
        while true {
            draw()
            guard let press = screen.next() else { return }
            if press == .quit || press == .character("q") { return }
            if open == nil {
                await queueKey(press)
            } else {
                await ticketKey(press)
            }
        }
    }

    // MARK: Keys

    private func queueKey(_ press: FullScreen.Press) async {
        switch press {
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, entries.count - 1), selected + 1)
        case .character("g"): await reloadQueue()
        case .enter, .right:
            guard entries.indices.contains(selected) else { return }
            await show(entries[selected].number)
        default: break
        }
    }

    private func ticketKey(_ press: FullScreen.Press) async {
        guard let number = open else { return }
        switch press {
        case .escape, .left, .character("b"):
            open = nil
            await reloadQueue()
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll = min(max(0, lines.count - 1), scroll + 1)
        case .pageUp: scroll = max(0, scroll - 10)
        case .pageDown: scroll = min(max(0, lines.count - 1), scroll + 10)
        case .tab: await next(after: number)
        case .character("r"): await reply(number)
        case .character("n"):
            guard let text = edit() else { status = "Note cancelled (empty)"; return }
            await act(number) {
                try await self.session.tickets.note(number, message: text, by: self.person, at: self.session.desk.now())
                return "Ticket \(number): internal note added (not sent to the requester)"
            }
        case .character("s"):
            await act(number) {
                let report = try await self.session.tickets.transition(number, event: "solve", by: .agent, person: self.person,
                                                                       at: self.session.desk.now())
                return "Ticket \(number): \(self.session.label(report.ticket))"
            }
        case .character("t"):
            guard let person else { status = "Say who you are with --user EMAIL (or FORMRUNNER_USER) to take tickets"; return }
            await act(number) {
                let ticket = try await self.session.tickets.assign(number, to: person, by: person, at: self.session.desk.now())
                return "Ticket \(number) assigned to \(ticket.assignee ?? person)"
            }
        case .character("a"):
            guard let email = ask("Assign ticket \(number) to (e-mail): ") else { status = "Not assigned"; return }
            await act(number) {
                let ticket = try await self.session.tickets.assign(number, to: email, by: self.person, at: self.session.desk.now())
                return "Ticket \(number) assigned to \(ticket.assignee ?? email)"
            }
        default: break
        }
    }

    // MARK: Actions

    /// Runs `action` on ticket `number`, shows what it did (or why not), delivers its e-mails, and
    /// shows the ticket again.
    private func act(_ number: Int64, _ action: () async throws -> String) async {
        do {
            status = try await action()
            _ = await session.desk.deliver(at: session.desk.now(), limit: DeskSession.afterCommandLimit,
                                           budget: DeskSession.afterCommandBudget)
        } catch {
            status = "Refused: " + String(describing: error)
        }
        await show(number, keepStatus: true)
    }

    /// A public reply to ticket `number`, written in the editor: from scratch, or from a canned reply
    /// (a macro) chosen in a list and rendered in the requester's language when the catalog has macros.
    private func reply(_ number: Int64) async {
        var draft = "", macro: String?
        do {
            guard let ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            let choice = DeskReplyChoice(catalog: session.catalog, ticket: ticket)
            if !choice.isEmpty {
                guard let line = choose("Reply to ticket #\(number) — a canned reply in the requester's language (\(choice.language))",
                                        choice.lines) else {
                    status = "Reply cancelled"
                    return
                }
                if let picked = choice.macro(atLine: line) {
                    draft = try await ReplyText.render(macro: picked.id, for: ticket, agent: person, session: session)
                    macro = picked.id
                }
            }
        } catch {
            status = "Refused: " + String(describing: error)
            return
        }
        guard let text = edit(draft) else { status = "Reply cancelled (empty)"; return }
        await act(number) {
            let report = try await self.session.tickets.reply(number, message: text, by: self.person, at: self.session.desk.now())
            return "Ticket \(number): reply sent to \(report.ticket.requester.email)" + (macro.map { " (macro \($0))" } ?? "")
        }
    }

    /// Opens the ticket after `number` in the queue (from the top again after the last one).
    private func next(after number: Int64) async {
        await reloadQueue()
        let start = entries.firstIndex { $0.number == number }.map { $0 + 1 } ?? 0
        let order = Array(entries.indices[min(start, entries.count)...]) + Array(entries.indices[..<min(start, entries.count)])
        guard let index = order.first(where: { entries[$0].number != number }) else {
            status = "No other ticket in the queue"
            return
        }
        selected = index
        await show(entries[index].number)
    }

    private func show(_ number: Int64, keepStatus: Bool = false) async {
        do {
            guard let ticket = try await session.store.ticket(number) else { throw TicketDesk.Failure.notFound(number) }
            let history = try await session.store.history(number)
            let outbox = try await session.store.outbox(for: number)
            lines = TicketText.details(ticket, history: history, outbox: outbox, session: session)
                .terminalSafe.components(separatedBy: "\n")
            if open != number { scroll = 0 }
            open = number
            if !keepStatus { status = "" }
        } catch {
            status = "Refused: " + String(describing: error)
        }
    }

    private func reloadQueue() async {
        do {
            let tickets = try await session.tickets.queue(request, for: person, at: session.desk.now())
            entries = tickets.map { QueueEntry($0, catalog: session.catalog, at: session.desk.now()) }
            selected = min(selected, max(0, entries.count - 1))
        } catch {
            status = "Refused: " + String(describing: error)
        }
    }

    // MARK: Drawing

    private func draw() {
        let rows = screen.size.rows
        var shown: [String]
        if let open {
            shown = ["\u{1B}[1mTicket #\(open)\u{1B}[0m — \(Self.ticketKeys)", ""]
            shown += lines.dropFirst(scroll).prefix(max(0, rows - 4))
        } else {
            shown = ["\u{1B}[1mQueue\u{1B}[0m — \(entries.count) ticket(s) · \(Self.queueKeys)", ""]
            if entries.isEmpty {
                shown.append("The queue is empty.")
            } else {
                let table = Queue.table(entries).terminalSafe.components(separatedBy: "\n").filter { !$0.isEmpty }
                shown.append(table[0])
                shown += Self.highlighted(Array(table.dropFirst()), selected: selected, rows: rows, room: rows - 5)
            }
        }
        present(shown)
    }

    /// The lines of a list that fit in `room` rows, scrolled so that `selected` stays in view, the
    /// selected one marked and shown in reverse video.
    private static func highlighted(_ lines: [String], selected: Int, rows: Int, room: Int) -> [String] {
        let first = max(0, min(selected - (rows - 6), lines.count - 1))
        return lines.enumerated().dropFirst(first).prefix(max(0, room)).map { index, line in
            index == selected ? "\u{1B}[7m› " + line + "\u{1B}[0m" : "  " + line
        }
    }

    /// Draws `shown` as the whole screen: cut or padded to fill it, the status line at the bottom.
    private func present(_ shown: [String]) {
        let rows = screen.size.rows
        var shown = shown
        while shown.count < rows - 1 { shown.append("") }
        shown = Array(shown.prefix(rows - 1))
        shown.append(status.terminalSafe)
        screen.draw(shown)
    }

    // MARK: Input

    /// Text written in the user's editor, which opens on `draft`, trimmed; nil when left empty.
    private func edit(_ draft: String = "") -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-desk-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(draft.utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            status = "Cannot write a temporary file for the editor"
            return nil
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let ran: Bool = screen.suspended {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", editor + " \"$1\"", "formrunner-editor", file.path]
            do {
                try process.run()
                process.waitUntilExit()
                return process.terminationStatus == 0
            } catch {
                return false
            }
        }
        guard ran else {
            status = "The editor (\(editor)) failed; nothing was sent"
            return nil
        }
        let text = (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return text.isEmpty ? nil : text
    }

    /// The index of the line of `options` chosen with ↑/↓ and Enter, under `title`; nil on Escape.
    private func choose(_ title: String, _ options: [String]) -> Int? {
        var chosen = 0
        while true {
            let rows = screen.size.rows
            var shown = ["\u{1B}[1m\(title)\u{1B}[0m", "↑↓ choose · Enter write it in the editor · Esc cancel", ""]
            shown += Self.highlighted(options.map(\.terminalSafe), selected: chosen, rows: rows, room: rows - 4)
            present(shown)
            guard let press = screen.next() else { return nil }
            switch press {
            case .up: chosen = max(0, chosen - 1)
            case .down: chosen = min(options.count - 1, chosen + 1)
            case .enter, .right: return chosen
            case .escape, .quit, .left: return nil
            default: break
            }
        }
    }

    /// A line typed on the bottom line after `prompt`; nil on Escape or when empty.
    private func ask(_ prompt: String) -> String? {
        var typed = ""
        while true {
            status = prompt + typed
            draw()
            guard let press = screen.next() else { return nil }
            switch press {
            case .enter:
                let text = typed.trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            case .escape, .quit: return nil
            case .backspace: if !typed.isEmpty { typed.removeLast() }
            case .character(let character): typed.append(character)
            default: break
            }
        }
    }
}
