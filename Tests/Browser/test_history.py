"""The Request History: search by ID, filter by status, only the signed-in requester's tickets."""
import re

from playwright.sync_api import expect

import labels as L
from labels import heading


def ticket_link(page, number):
    return page.get_by_role("link", name=f"#{number}", exact=True)


def test_the_history_searches_by_id_and_filters_by_status(page, desk, users):
    ana, bruno = users["ana"], users["bruno"]
    opened = desk.create_ticket(ana, "Invoices should fall due on the 10th from January on.")
    solved = desk.create_ticket(ana, "Our cash flow closes on the 5th; please move the due date.")
    desk.transition(solved, "solve", message="Done from next month's invoice.")
    others = desk.create_ticket(bruno, "Bruno's own request about the due date of invoices.")

    page.goto("/history")
    desk.sign_in_with_code(page, ana.email)
    expect(heading(page)).to_have_text(L.HISTORY_TITLE)
    expect(ticket_link(page, opened)).to_be_visible()
    expect(ticket_link(page, solved)).to_be_visible()
    expect(ticket_link(page, others)).to_have_count(0)
    for column in ("Ticket", "Title", "Status", "Updated"):
        expect(page.get_by_role("columnheader", name=column, exact=True)).to_be_visible()

    page.get_by_label(L.SEARCH_BY_ID).fill(str(solved))
    page.get_by_role("button", name=L.SEARCH, exact=True).click()
    expect(ticket_link(page, solved)).to_be_visible()
    expect(ticket_link(page, opened)).to_have_count(0)
    expect(page.get_by_role("row").filter(has=ticket_link(page, solved))).to_contain_text("Solved")

    page.get_by_label(L.SEARCH_BY_ID).fill("")
    page.get_by_role("combobox", name=L.STATUS_SELECT).select_option(label="Solved")
    page.get_by_role("button", name=L.SEARCH, exact=True).click()
    expect(ticket_link(page, solved)).to_be_visible()
    expect(ticket_link(page, opened)).to_have_count(0)

    page.get_by_role("combobox", name=L.STATUS_SELECT).select_option(label="Open")
    page.get_by_role("button", name=L.SEARCH, exact=True).click()
    expect(ticket_link(page, opened)).to_be_visible()
    expect(ticket_link(page, solved)).to_have_count(0)

    # Bruno's ticket is not found by its ID either.
    page.get_by_role("combobox", name=L.STATUS_SELECT).select_option(label=L.ALL_STATUSES)
    page.get_by_label(L.SEARCH_BY_ID).fill(str(others))
    page.get_by_role("button", name=L.SEARCH, exact=True).click()
    expect(page.get_by_text(L.NO_TICKETS)).to_be_visible()

    page.goto(f"/tickets/{opened}")
    expect(heading(page)).to_contain_text(f"#{opened}")


def test_a_requester_never_sees_another_requesters_tickets(new_context, desk, users):
    ana, bruno = users["ana"], users["bruno"]
    anas = desk.create_ticket(ana, "Ana's private request about invoices and due dates.")
    page = new_context().new_page()
    page.goto("/history")
    desk.sign_in_with_code(page, bruno.email)
    expect(heading(page)).to_have_text(L.HISTORY_TITLE)
    expect(ticket_link(page, anas)).to_have_count(0)
    expect(page.get_by_text("Ana's private request")).to_have_count(0)
    response = page.goto(f"/tickets/{anas}")
    assert response.status == 404
    expect(page.get_by_text("Ana's private request")).to_have_count(0)


def test_the_history_needs_a_signed_in_requester(page):
    page.goto("/history")
    expect(page).to_have_url(re.compile(r"/signin\?next=(/|%2F)history"))
