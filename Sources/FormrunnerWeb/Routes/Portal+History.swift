import Foundation
import FormrunnerCore
import Hummingbird
import NIOCore

extension Portal {
    /// The Request History, a ticket's page, replies and attachment downloads: a requester sees
    /// and acts on their own tickets only; anything else is 404, whether it exists or not.
    func addHistoryRoutes(to router: Router<PortalContext>) {
        router.get("/history") { request, context in
            try await handle(request, context) { visit in
                guard let user = visit.user else { return Self.redirect("/signin?next=/history") }
                let query = request.uri.queryParameters
                let search = query["q"].map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
                let status = query["status"].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
                let tickets = try await history(of: user, search: search, status: status)
                return page(&visit, title: PageText.requestHistory.text(visit.language),
                            body: HistoryPage(catalog: services.catalog, language: visit.language)
                                .body(tickets, search: search, status: status))
            }
        }
        router.get("/tickets/:number") { request, context in
            try await handle(request, context) { visit in
                guard let user = visit.user else {
                    return Self.redirect("/signin?next=" + Self.queryEscape(request.uri.path))
                }
                let ticket = try await ownTicket(context.parameters.get("number"), user: user)
                let page = TicketPage(catalog: services.catalog, language: visit.language, csrf: csrfField(visit))
                let body = page.body(ticket, history: try await services.desk.store.history(ticket.number),
                                     mail: try await services.desk.store.outbox(for: ticket.number).filter { $0.recipient == .requester })
                return self.page(&visit, title: "#\(ticket.number) \(ticket.title)", body: body)
            }
        }
        router.post("/tickets/:number/reply") { request, context in
            try await handle(request, context) { visit in
                guard let user = visit.user else { throw PortalRefusal.notFound }
                let form = try await readForm(request, context: context, visit: visit)
                let ticket = try await ownTicket(context.parameters.get("number"), user: user)
                let back = Self.redirect("/tickets/\(ticket.number)")
                let message = (form.first("message") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !message.isEmpty else {
                    Self.flash(&visit, Self.sentence("write your reply first"), alert: true)
                    return back
                }
                do {
                    _ = try await services.desk.transition(ticket.number, event: "reply", by: .requester,
                                                           message: String(message.prefix(20_000)), at: services.ticketClock())
                    await deliverNow(ticket)
                    Self.flash(&visit, PageText.replyRecorded.text(visit.language))
                } catch TicketDesk.Failure.refused(let refusal) {
                    await deliverNow(ticket)
                    Self.flash(&visit, Self.sentence(refusal.message), alert: true)
                }
                return back
            }
        }
        router.get("/tickets/:number/files/:sha") { request, context in
            try await handle(request, context) { visit in
                guard let user = visit.user else { throw PortalRefusal.notFound }
                let ticket = try await ownTicket(context.parameters.get("number"), user: user)
                return try await download(ticket, sha256: context.parameters.get("sha") ?? "")
            }
        }
    }

    /// The user's tickets, newest first: one by its number, or all in a status.
    private func history(of user: UserRecord, search: String, status: String?) async throws -> [Ticket] {
        let store = services.desk.store
        if !search.isEmpty {
            let digits = search.hasPrefix("#") ? String(search.dropFirst()) : search
            guard let number = Int64(digits), let ticket = try? await ownTicket(String(number), user: user) else { return [] }
            return status == nil || ticket.status == status ? [ticket] : []
        }
        return try await store.list(requester: user.email, status: status, before: nil, limit: 200)
    }

    /// An attachment of `ticket`, as a download (never shown inline).
    func download(_ ticket: Ticket, sha256: String) async throws -> Response {
        let reference = ticket.answers.values.lazy.compactMap { value -> AttachmentRef? in
            guard case .files(let refs) = value else { return nil }
            return refs.first { $0.sha256 == sha256 }
        }.first
        guard let reference, let files = services.desk.store as? any AttachmentFiles,
              let url = await files.attachmentFile(sha256: reference.sha256),
              let data = FileManager.default.contents(atPath: url.path) else { throw PortalRefusal.notFound }
        let name = reference.name.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        return Response(status: .ok, headers: [
            .contentType: "application/octet-stream",
            .contentDisposition: "attachment; filename=\"\(String(String.UnicodeScalarView(name)))\"; filename*=UTF-8''"
                + (reference.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"),
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
