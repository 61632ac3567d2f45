import FormrunnerCore

/// The portal's front page: the catalog's entry flows and the Request History.
enum HomePage {
    static func body(_ catalog: Catalog, deskName: String, language: String) -> String {
        var html = "<h1>\(HTML.escape(deskName))</h1><h2>\(PageText.flows.text(language))</h2><ul class=\"flows\">"
        for flow in catalog.workflows.values.sorted(by: { $0.id < $1.id }) {
            html += "<li><a href=\"/flows/\(HTML.escape(flow.id))\">\(HTML.escape(flow.title.text(in: language)))</a>"
            if let description = flow.description?.text(in: language) { html += "<p>\(HTML.escape(description))</p>" }
            html += "</li>"
        }
        return html + "</ul><p><a href=\"/history\">\(PageText.requestHistory.text(language))</a></p>"
    }
}
