"""A ticket's page: a reply reopens a Solved ticket; a reply to a Closed one is refused."""
from playwright.sync_api import expect

import labels as L
from labels import heading

# A past morning, so that the close timer of this ticket (27 working hours) is due long before
# today's tickets' timers: `tick` at CLOSE_AT closes this one only.
CREATED_AT = "2026-06-01T10:00:00-03:00"
SOLVED_AT = "2026-06-01T11:00:00-03:00"
CLOSE_AT = "2026-06-30T12:00:00-03:00"


def test_a_reply_reopens_a_solved_ticket(page, desk, users):
    ana = users["ana"]
    number = desk.create_ticket(ana, "Please move our invoices to the 10th of each month.")
    desk.transition(number, "solve", message="Moved to the 10th.")
    page.goto(f"/tickets/{number}")
    desk.sign_in_with_code(page, ana.email)
    expect(heading(page)).to_contain_text(f"#{number}")
    expect(page.get_by_text(L.status_line("Solved")).first).to_be_visible()
    expect(page.get_by_text("Moved to the 10th.").first).to_be_visible()  # the public history

    page.get_by_label(L.YOUR_REPLY).fill("It is still on the 5th in the admin; please check again.")
    page.get_by_role("button", name=L.SEND_REPLY, exact=True).click()

    expect(page.get_by_role("status")).to_contain_text(L.REPLY_RECORDED)
    expect(page.get_by_text(L.status_line("Open")).first).to_be_visible()
    assert desk.ticket(number)["status"] == "open"


def test_a_reply_to_a_closed_ticket_is_refused_with_a_way_to_open_a_new_one(page, desk, users):
    ana = users["ana"]
    number = desk.create_ticket(ana, "Please send the invoices to our finance team too.", now=CREATED_AT)
    desk.transition(number, "solve", now=SOLVED_AT)
    desk.cli("tick", now=CLOSE_AT)
    assert desk.ticket(number)["status"] == "closed"

    page.goto(f"/tickets/{number}")
    desk.sign_in_with_code(page, ana.email)
    expect(page.get_by_text(L.status_line("Closed")).first).to_be_visible()
    reply = page.get_by_label(L.YOUR_REPLY)
    if reply.count():
        reply.fill("The finance team still gets nothing.")
        page.get_by_role("button", name=L.SEND_REPLY, exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text(L.CLOSED_REFUSAL)
    expect(page.get_by_role("link", name=L.OPEN_NEW_TICKET)).to_be_visible()
    assert desk.ticket(number)["status"] == "closed"
