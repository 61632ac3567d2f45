import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
@testable import FormrunnerWeb
import Testing

/// The report page's markup: figures as tables and charts as inline SVG, with no script.
@Suite("Report page")
struct ReportPageTests {
    /// Two technical tickets and a financial one in November 2026, one answered after an hour.
    static func report() async throws -> DeskReport {
        let flow = FlowDesk()
        let desk = flow.services.desk
        let requester = Requester(email: "ana@example.com", name: "Ana")
        func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
        var numbers: [Int64] = []
        for (index, at) in ["2026-11-03T12:00:00Z", "2026-11-03T13:00:00Z"].enumerated() {
            numbers.append(try await desk.create(formID: "technical.intake", answers: [
                "title": .single("Checkout fails \(index)"), "description": .single("Every buyer sees 502 (\(index))."),
                "experience_level": .single("proficient"), "users_affected": .single("all_users"),
                "problem_impact": .single("important"), "environment": .single("production"),
                "problem_type": .single("unexpected_behavior"),
            ], requester: requester, at: instant(at)).number)
        }
        _ = try await desk.create(formID: "financial.change-monthly-invoice-expiration-date", answers: [
            "desired_day": .single("10"), "what_happened": .single("We need invoices due on the 10th."),
        ], requester: requester, at: instant("2026-11-04T12:00:00Z"))
        _ = try await desk.transition(numbers[0], event: "comment", by: .agent, message: "On it.", at: instant("2026-11-03T13:00:00Z"))
        return try await desk.report(ReportRequest(from: LocalDate(iso: "2026-11-01"), to: LocalDate(iso: "2026-12-01"),
                                                   now: instant("2026-12-01T13:00:00Z")))
    }

    @Test("the page shows the period form, the figures and three SVG charts, and no script")
    func markup() async throws {
        let html = ReportPage(report: try await Self.report()).html
        #expect(html.contains("<form method=\"get\" action=\"/desk/report\" class=\"report-period\">"))
        #expect(html.contains("<input type=\"date\" name=\"from\" value=\"2026-11-01\">"))
        #expect(html.contains("<option value=\"technical\">Technical support</option>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 3)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("<tfoot><tr><th scope=\"row\">Total</th><td></td><td>3</td><td>0</td><td>0</td><td>0</td>"
                              + "<td>1</td><td>2</td><td>0</td><td>33%</td></tr></tfoot>"))
        // The day chart: one group per day, the bar of November 3 two tickets high (the tallest).
        #expect(html.contains("<title>03 — Opened: 2</title>"))
        #expect(html.contains("<desc id=\"Opened_and_solved_per_day-desc\">Opened: 3; Solved: 0</desc>"))
        // The distribution: the one answer took one working hour (1–2 h).
        #expect(html.contains("<title>1–2 h — Tickets: 1</title>"))
        #expect(html.contains("<p>Satisfaction: no survey answers in the period.</p>"))
    }

    @Test("the page in Portuguese: its words, the teams' and priorities' labels from the catalog")
    func portuguese() async throws {
        let flow = FlowDesk()
        let html = ReportPage(report: try await Self.report(), catalog: flow.services.catalog, language: "pt").html
        #expect(html.contains("<h1>Relatório</h1>"))
        #expect(html.contains("<option value=\"technical\">Suporte técnico</option>"))
        #expect(html.contains("<caption>Tickets por equipe e prioridade</caption>"))
        #expect(html.contains("<tfoot><tr><th scope=\"row\">Total</th>"))
        #expect(html.contains("<p>Taxa de reabertura: — dos tickets resolvidos foram reabertos.</p>"))
        #expect(html.contains("<p>Satisfação: nenhuma resposta à pesquisa no período.</p>"))
        #expect(html.contains("<h2>Primeira resposta (horas úteis)</h2>"))
    }

    @Test("a bar's height is its share of the largest value, and labels are escaped")
    func chartGeometry() {
        let chart = SVGChart(title: "A <b> chart", labels: ["x&y", "z"],
                             series: [.init(name: "Opened", values: [2, 1], color: "#000")], width: 248, height: 140)
        let svg = chart.svg
        // Plot: 200 wide (40 left, 8 right), 84 high (16 top, 40 bottom); two groups of 100, bars of 80.
        #expect(svg.contains("<rect x=\"50\" y=\"16\" width=\"80\" height=\"84\" fill=\"#000\"><title>x&amp;y — Opened: 2</title></rect>"))
        #expect(svg.contains("<rect x=\"150\" y=\"58\" width=\"80\" height=\"42\" fill=\"#000\"><title>z — Opened: 1</title></rect>"))
        #expect(svg.contains("<title id=\"A__b__chart-title\">A &lt;b&gt; chart</title>"))
    }

    @Test("/desk/report is for agents and admins: a requester gets 404, a bad date 400 with the reason")
    func route() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        var bia = UserRecord(email: "bia@desk.example", name: "Bia Lima", createdAt: Date(timeIntervalSince1970: 0))
        bia.role = .agent
        bia.teams = ["technical"]
        try await fixture.desk.directory.add(bia)
        try await fixture.browse { browser in
            try await fixture.signIn(browser, "ana@example.com")
            #expect(try await browser.get("/desk/report").status == .notFound)
        }
        try await fixture.browse { browser in
            #expect(try await browser.get("/desk/report").status == .ok)
            #expect(browser.location.hasPrefix("/signin"))
            try await fixture.signIn(browser, "bia@desk.example", next: "/desk/report")
            let shown = try await browser.get("/desk/report?from=2026-11-01&to=2026-12-01&team=technical")
            #expect(shown.status == .ok)
            #expect(browser.page.contains("<p>2026-11-01 to 2026-12-01 (exclusive, America/Sao_Paulo), Technical support</p>"))
            #expect(browser.page.components(separatedBy: "<svg ").count - 1 == 3)
            let bad = try await browser.get("/desk/report?from=2026-11-31")
            #expect(bad.status == .badRequest)
            #expect(browser.page.contains("<p role=\"alert\" class=\"alert\">From &#39;2026-11-31&#39; is not a date; "
                                          + "write it as YYYY-MM-DD (for example 2026-11-01).</p>"))
        }
    }
}
