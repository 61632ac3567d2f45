"""A field with a `when:` condition (Forms/commercial/new-trade-policy.yaml: "Which currency?" when
currency == "other") appears and disappears live, and without JavaScript after "Continue"."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, choose_subject, identify, open_flow, submit, to_review

OTHER_CURRENCY = "Which currency?"


def to_trade_policy_form(page, desk, user):
    open_flow(page, desk, user, L.COMMERCIAL)
    identify(page, user, "lojaana")
    choose_subject(page, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    page.get_by_label("Trade policy name").fill("Export policy")
    choose(page, "Purpose of the trade policy", "External marketplace")


def test_a_conditional_field_appears_and_disappears_as_the_answer_it_depends_on_changes(page, desk, users):
    user = users["conditional"]
    to_trade_policy_form(page, desk, user)
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_hidden()
    choose(page, "Currency", "Other currency")
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_visible()
    choose(page, "Currency", "US dollar (USD)")
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_hidden()
    choose(page, "Currency", "Other currency")
    page.get_by_label(OTHER_CURRENCY).fill("GBP")
    to_review(page)
    expect(page.get_by_text("GBP", exact=True)).to_be_visible()
    number = submit(page, L.SEND, user)
    assert desk.ticket(number)["answers"]["other_currency"] == {"text": "GBP"}


def test_a_conditional_field_hidden_again_is_not_sent(page, desk, users):
    user = users["conditional2"]
    to_trade_policy_form(page, desk, user)
    choose(page, "Currency", "Other currency")
    page.get_by_label(OTHER_CURRENCY).fill("GBP")
    choose(page, "Currency", "Chilean peso (CLP)")
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_hidden()
    to_review(page)
    expect(page.get_by_text(OTHER_CURRENCY)).to_have_count(0)
    number = submit(page, L.SEND, user)
    answers = desk.ticket(number)["answers"]
    assert answers["currency"] == {"choice": "clp"}
    assert "other_currency" not in answers


def test_without_javascript_a_conditional_field_appears_after_continue(new_context, desk, users):
    user = users["nojs"]
    page = new_context(java_script_enabled=False).new_page()
    to_trade_policy_form(page, desk, user)
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_hidden()
    choose(page, "Currency", "Other currency")
    page.get_by_role("button", name=L.CONTINUE, exact=True).click()
    # The form comes back with the field now shown (it is required, so it is asked for), answers kept.
    expect(heading(page)).to_have_text("New Trade Policy")
    expect(page.get_by_label(OTHER_CURRENCY)).to_be_visible()
    expect(page.get_by_label("Trade policy name")).to_have_value("Export policy")
    expect(page.get_by_role("group", name="Currency").get_by_label("Other currency", exact=True)).to_be_checked()
    page.get_by_label(OTHER_CURRENCY).fill("GBP")
    to_review(page)
    expect(page.get_by_text("GBP", exact=True)).to_be_visible()
    number = submit(page, L.SEND, user)
    assert desk.ticket(number)["answers"]["other_currency"] == {"text": "GBP"}
