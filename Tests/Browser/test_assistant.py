"""The assistant answers from the knowledge base: articles in the requester's language, an article's
page with the way back, "My question is answered" (no ticket, a deflection counted) and "Talk to a
person" (the ticket lists the articles shown)."""
import json

from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, fill_intake, open_flow, submit, to_review


def stats(desk):
    return json.loads(desk.cli("knowledge", "stats", "--json").stdout)


def ask(page, language, scenario, objective, problem, resources):
    """Copilot's questions answered, then "Find answers"."""
    expect(heading(page)).to_have_text(L.COPILOT_TITLE)
    choose(page, L.LANGUAGE_GROUP, language)
    choose(page, L.SCENARIO_GROUP, scenario)
    page.get_by_label(L.OBJECTIVE).fill(objective)
    page.get_by_label(L.PROBLEM).fill(problem)
    page.get_by_label(L.RESOURCES).fill(resources)
    page.get_by_role("button", name=L.FIND_ANSWERS, exact=True).click()


def test_a_portuguese_requester_reads_a_suggested_article_and_is_answered_without_a_ticket(page, desk, users):
    user = users["assistant"]
    before = stats(desk)
    open_flow(page, desk, user, L.TECHNICAL)
    ask(page, "Português", L.SCENARIO_DOUBT, "Gerar um arquivo HAR no Chrome para o suporte.",
        "Não sei como gerar o arquivo HAR.", "Nenhum.")
    expect(page.get_by_role("heading", name=L.PT_SUGGESTIONS)).to_be_visible()
    suggestions = page.locator("ol.suggestions > li")
    expect(suggestions).to_have_count(3)
    expect(suggestions.first.get_by_role("link")).to_have_text(L.PT_HAR_TITLE)

    suggestions.first.get_by_role("link").click()
    expect(heading(page)).to_have_text(L.PT_HAR_TITLE)
    expect(page.locator("article")).to_contain_text("Antes de enviar")
    page.get_by_role("link", name=L.PT_BACK_TO_SUGGESTIONS).first.click()
    expect(page.get_by_role("heading", name=L.PT_SUGGESTIONS)).to_be_visible()

    page.get_by_role("button", name=L.PT_ANSWERED, exact=True).click()
    expect(heading(page)).to_have_text(L.PT_CLOSING)
    after = stats(desk)
    assert after["sessions"] == before["sessions"] + 1
    assert after["answered"] == before["answered"] + 1
    assert "har-file" in [article["id"] for article in after["articles_answering"]]
    assert not any(ticket["requester"]["email"] == user.email
                   for ticket in json.loads(desk.cli("tickets", "list", "--json", "--limit", "100").stdout)["tickets"])


def test_talking_to_a_person_after_the_suggestions_files_a_ticket_that_lists_them(page, desk, users):
    user = users["assistant2"]
    before = stats(desk)
    open_flow(page, desk, user, L.TECHNICAL)
    ask(page, "English", L.SCENARIO_UNEXPECTED, "Check out with a boleto.",
        "The boleto was paid but the invoice still shows as open.", "Waited two days.")
    expect(page.get_by_role("heading", name=L.SUGGESTIONS)).to_be_visible()
    shown = [link.inner_text() for link in page.locator("ol.suggestions > li a").all()]
    assert shown, "no article was suggested"
    # Other words give other suggestions on the same page.
    page.get_by_label(L.OTHER_WORDS).fill("how do I generate a HAR file in Chrome")
    page.get_by_role("button", name=L.ASK_AGAIN, exact=True).click()
    expect(page.locator("ol.suggestions > li a").first).to_have_text(L.HAR_TITLE)

    since = desk.maildir.snapshot()
    page.get_by_role("button", name=L.TALK_TO_A_PERSON, exact=True).click()
    expect(heading(page)).to_have_text(L.OTP_TITLE)
    page.get_by_label(L.OTP_FIELD).fill(desk.read_code(user.email, since=since))
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    expect(heading(page)).to_have_text(L.INTAKE_TITLE)
    fill_intake(page, "The boleto payment is not reconciled")
    to_review(page)
    number = submit(page, L.CREATE_TICKET, user)

    articles = desk.ticket(number)["answers"]["_assistant.articles"]["choices"]
    assert "har-file" in articles
    assert len(articles) > 3
    shown_text = desk.cli("tickets", "show", str(number)).stdout
    assert "Articles the assistant suggested:\n" in shown_text
    assert "  har-file: How to generate a HAR file\n" in shown_text
    after = stats(desk)
    assert after["handed_off"] == before["handed_off"] + 1
