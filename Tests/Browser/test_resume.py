"""Closing the page mid-flow, then signing in again in a new session: the flow continues at the same
step with the answers kept (a draft)."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, choose_subject, identify, open_flow, submit, to_review


def test_a_flow_left_mid_way_continues_at_the_same_step_after_signing_in_again(new_context, desk, users):
    user = users["resume"]
    first = new_context().new_page()
    open_flow(first, desk, user, L.COMMERCIAL)
    identify(first, user, "lojabeta")
    choose_subject(first, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    first.context.close()  # the person closes the browser: the session is gone

    page = new_context().new_page()
    page.goto("/flows/commercial-support")
    desk.sign_in_with_code(page, user.email)
    expect(heading(page)).to_have_text("New Trade Policy")
    page.get_by_label("Trade policy name").fill("Resumed policy")
    choose(page, "Purpose of the trade policy", "Telesales or call center")
    choose(page, "Currency", "Brazilian real (BRL)")
    to_review(page)
    # The identification and the subject answered before closing are kept.
    expect(page.get_by_text("lojabeta")).to_be_visible()
    expect(page.get_by_text("New Trade Policy").first).to_be_visible()

    page.context.close()
    page = new_context().new_page()
    page.goto("/flows/commercial-support")
    desk.sign_in_with_code(page, user.email)
    expect(heading(page)).to_have_text(L.REVIEW_TITLE)
    expect(page.get_by_text("Resumed policy")).to_be_visible()
    number = submit(page, L.SEND, user)
    ticket = desk.ticket(number)
    assert ticket["account"] == "lojabeta"
    assert ticket["answers"]["policy_name"] == {"text": "Resumed policy"}
