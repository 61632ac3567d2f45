import FormrunnerCore
import FormrunnerFlow

extension FlowPages {
    /// The assistant's answers: the articles found (title linking to the article's page, excerpt),
    /// then "My question is answered", "Talk to a person", and a search with other words.
    func suggestions(_ step: StepDefinition, _ settings: StepDefinition.Assistant, progress: AssistantProgress) -> String {
        let texts = settings.texts
        var html = heading(step)
        if progress.hits.isEmpty {
            html += "<p role=\"status\">\(HTML.escape(texts.noMatch.text(in: language)))</p>"
        } else {
            html += "<section aria-labelledby=\"suggestions\"><h2 id=\"suggestions\">\(HTML.escape(texts.suggestions.text(in: language)))</h2><ol class=\"suggestions\">"
            for hit in progress.hits {
                html += "<li><a href=\"/flows/\(HTML.escape(flow.id))/articles/\(HTML.escape(hit.id))\">\(HTML.escape(hit.title))</a>"
                    + "<p class=\"help\">\(HTML.escape(hit.excerpt))</p></li>"
            }
            html += "</ol></section>"
        }
        let view = "<input type=\"hidden\" name=\"_view\" value=\"suggestions\">"
        html += open(step) + view
            + "<button type=\"submit\" name=\"_action\" value=\"answered\">\(HTML.escape(texts.answered.text(in: language)))</button> "
            + "<button type=\"submit\" name=\"_action\" value=\"handoff\" class=\"secondary\">"
            + "\(HTML.escape(settings.handoff.text(in: language)))</button></form>"
        html += open(step) + view
            + "<div class=\"field\"><label for=\"question\">\(HTML.escape(texts.otherWords.text(in: language)))</label>"
            + "<input type=\"text\" id=\"question\" name=\"question\"></div>"
            + "<button type=\"submit\" name=\"_action\" value=\"again\" class=\"secondary\">"
            + "\(HTML.escape(texts.askAgain.text(in: language)))</button></form>"
        return html
    }
}
