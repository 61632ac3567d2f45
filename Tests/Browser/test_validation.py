"""Invalid answers: an alert at the top, each message beside its field (#FIELD-error), answers kept."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, choose_subject, identify, open_flow, submit, to_review


def test_invalid_answers_are_shown_at_their_fields_and_the_answers_are_kept(page, desk, users):
    user = users["validation"]
    open_flow(page, desk, user, L.COMMERCIAL)
    identify(page, user, "lojabeta")
    choose_subject(page, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    page.get_by_label("Trade policy name").fill("ab")
    choose(page, "Currency", "Euro (EUR)")
    page.get_by_label("Price table").fill("PT-01")
    page.get_by_label("Additional details").fill("Only for the Lisbon warehouse.")
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()

    expect(heading(page)).to_have_text("New Trade Policy")
    expect(page.get_by_role("alert").first).to_contain_text(L.correct_problems(2))
    expect(page.locator(L.field_error("policy_name"))).to_contain_text("must be at least 3 characters, got 2")
    expect(page.locator(L.field_error("sales_channel"))).to_contain_text("'Purpose of the trade policy' is required")
    expect(page.locator(L.field_error("currency"))).to_have_count(0)
    # The message is tied to its field for screen readers.
    described = page.get_by_label("Trade policy name").get_attribute("aria-describedby") or ""
    assert "policy_name-error" in described.split(), described
    # Every answer is kept, the wrong one included.
    expect(page.get_by_label("Trade policy name")).to_have_value("ab")
    expect(page.get_by_label("Price table")).to_have_value("PT-01")
    expect(page.get_by_label("Additional details")).to_have_value("Only for the Lisbon warehouse.")
    expect(page.get_by_role("group", name="Currency").get_by_label("Euro (EUR)", exact=True)).to_be_checked()

    page.get_by_label("Trade policy name").fill("Lisbon wholesale")
    choose(page, "Purpose of the trade policy", "B2B store")
    to_review(page)
    number = submit(page, L.SEND, user)
    assert desk.ticket(number)["answers"]["price_table"] == {"text": "PT-01"}
