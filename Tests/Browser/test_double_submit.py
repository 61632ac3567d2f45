"""Issue 14, item 6: the review page carries a one-time submission token. Sending the same review
twice (a double click, a stale copy sent again, the review open in two tabs) files one ticket and
shows the same confirmation."""
import json
import re

from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose, choose_subject, identify, open_flow, submit, to_review


def tickets_of(desk, user):
    """The numbers of the tickets filed by `user`."""
    listing = json.loads(desk.cli("tickets", "list", "--limit", "500", "--json").stdout)
    return sorted(ticket["number"] for ticket in listing["tickets"] if ticket["requester"]["email"] == user.email)


def to_commercial_review(page, desk, user, policy):
    open_flow(page, desk, user, L.COMMERCIAL)
    identify(page, user, "lojaana")
    choose_subject(page, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    page.get_by_label("Trade policy name").fill(policy)
    choose(page, "Purpose of the trade policy", "B2B store")
    choose(page, "Currency", "Euro (EUR)")
    to_review(page)


def test_a_double_click_on_send_files_one_ticket(page, desk, users):
    user = users["doubleclick"]
    to_commercial_review(page, desk, user, "Double click policy")
    page.get_by_role("button", name=L.SEND, exact=True).dblclick()
    expect(heading(page)).to_have_text(L.CREATED_TITLE)
    number = int(L.CREATED_TITLE.match(heading(page).inner_text().strip()).group(1))
    assert tickets_of(desk, user) == [number]


def test_the_same_review_sent_again_shows_the_same_confirmation(page, desk, users):
    user = users["resubmit"]
    to_commercial_review(page, desk, user, "Resubmitted policy")
    form = page.locator("form:has(input[name=_submission])")
    fields = {name: form.locator(f"input[name={name}]").input_value() for name in ("_csrf", "_step", "_submission")}
    number = submit(page, L.SEND, user)
    # Back and send again: the very same form data, posted once more in the same session.
    again = page.request.post(page.url.split("/flows/")[0] + "/flows/commercial-support",
                              form={**fields, "_action": "send"})
    assert again.ok
    assert re.search(r"/flows/commercial-support/created/%d$" % number, again.url), again.url
    assert tickets_of(desk, user) == [number]


def test_the_review_open_in_two_tabs_files_one_ticket(page, desk, users):
    user = users["twotabs"]
    to_commercial_review(page, desk, user, "Two tabs policy")
    other = page.context.new_page()
    other.goto("/flows/commercial-support")
    expect(heading(other)).to_have_text(L.REVIEW_TITLE)
    number = submit(page, L.SEND, user)
    other.get_by_role("button", name=L.SEND, exact=True).click()
    expect(heading(other)).to_have_text(L.CREATED_TITLE)
    assert int(L.CREATED_TITLE.match(heading(other).inner_text().strip()).group(1)) == number
    assert tickets_of(desk, user) == [number]
