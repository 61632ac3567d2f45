"""The agents' pages (/desk) on a desk of their own (agents change who must be named for agent
events, so they are never added to the shared desk): an agent signs in with the requesters' sign-in
page, sees the team's queue in SLA order, takes a ticket, replies, notes and solves it; an agent of
another team is refused by the desk's own rule; a requester gets 404; a forged POST gets 403."""
import json
import os
import shutil
import tempfile

import pytest
from playwright.sync_api import expect

import labels as L
from conftest import CHROMIUM, Desk, User
from labels import heading

ANA = User("ana.desk@example.com", "Ana Desk")
BIA = User("bia@desk.example", "Bia Lima", accounts=(), country=None, permissions=())
CAIO = User("caio@desk.example", "Caio Reis", accounts=(), country=None, permissions=())


@pytest.fixture(scope="module")
def agent_desk():
    """Three financial tickets filed before any agent exists (so nobody is assigned), their first
    responses due in the order 2, 1, 3; then bia (financial) and caio (technical) become agents."""
    folder = tempfile.mkdtemp(prefix="formrunner-desk-")
    the_desk = Desk(folder)
    the_desk.add_user(ANA)
    for user in (BIA, CAIO):
        the_desk.add_user(user)
    numbers = [the_desk.create_ticket(ANA, what, now=now) for what, now in [
        ("The first invoice is due on the 5th.", "2026-12-02T10:00:00-03:00"),
        ("The second invoice is due on the 5th.", "2026-12-01T10:00:00-03:00"),
        ("The third invoice is due on the 5th.", "2026-12-02T11:00:00-03:00"),
    ]]
    assert numbers == [1, 2, 3]
    the_desk.cli("users", "update", BIA.email, "--role", "agent", "--team", "financial")
    the_desk.cli("users", "update", CAIO.email, "--role", "agent", "--team", "technical")
    the_desk.start()
    yield the_desk
    try:
        the_desk.stop()
    finally:
        if os.environ.get("FORMRUNNER_KEEP_DESK") is None:
            shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def open_page(browser, agent_desk):
    contexts = []

    def make():
        context = browser.new_context(base_url=agent_desk.base_url, locale="en-US")
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def queue_numbers(page):
    return [cell.strip() for cell in page.locator("table.queue tbody tr td:first-child").all_inner_texts()]


def fact(page, name):
    return page.locator("dl.ticket-facts div", has=page.locator("dt", has_text=name)).locator("dd")


def test_an_agent_takes_replies_notes_and_solves_from_the_queue(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, BIA.email, next_path="/desk")
    expect(heading(page)).to_have_text(L.QUEUE_TITLE)
    page.get_by_role("link", name=L.DESK_LINK, exact=True).click()
    expect(heading(page)).to_have_text(L.QUEUE_TITLE)
    assert queue_numbers(page) == ["#2", "#1", "#3"]  # the nearest first-response due first
    page.get_by_role("link", name=L.QUEUE_UNASSIGNED, exact=True).click()
    assert queue_numbers(page) == ["#2", "#1", "#3"]

    page.get_by_role("link", name="#2", exact=True).click()
    expect(heading(page)).to_contain_text("#2")
    page.get_by_role("button", name=L.TAKE, exact=True).click()
    expect(page.get_by_role("status")).to_have_text(L.assigned_to(2, BIA.email))
    expect(fact(page, "Assignee")).to_have_text(BIA.email)

    since = agent_desk.maildir.snapshot()
    page.get_by_label(L.REPLY_FIELD).fill("We moved your invoices to the 10th from next month.")
    page.get_by_role("button", name=L.SEND_REPLY, exact=True).click()
    expect(page.get_by_role("status")).to_have_text(L.REPLY_SENT)
    expect(page.locator("ol.history")).to_contain_text("We moved your invoices to the 10th from next month.")
    assert "We moved your invoices" in agent_desk.latest_mail(ANA.email, since=since).body

    page.get_by_label(L.NOTE_FIELD).fill("Checked with billing: done in the ERP.")
    page.get_by_role("button", name=L.ADD_NOTE, exact=True).click()
    expect(page.get_by_role("status")).to_have_text(L.NOTE_ADDED)
    expect(page.locator("ol.history li.internal")).to_contain_text("Checked with billing")

    page.get_by_role("button", name=L.SOLVE, exact=True).click()
    expect(page.get_by_role("status")).to_have_text(L.SOLVED_DONE)
    expect(fact(page, "Status")).to_have_text("Solved")
    ticket = agent_desk.ticket(2)
    assert ticket["status"] == "solved" and ticket["assignee"] == BIA.email
    assert ticket["sla"]["first_response_at"] is not None

    page.get_by_role("link", name=L.DESK_LINK, exact=True).click()
    assert queue_numbers(page)[-1] == "#2"  # solved: nothing owed, so last

    # The requester sees the reply on their ticket page, never the internal note.
    requester = open_page()
    agent_desk.sign_in_with_code(requester, ANA.email, next_path="/tickets/2")
    expect(requester.locator("main")).to_contain_text("We moved your invoices")
    expect(requester.locator("main")).not_to_contain_text("Checked with billing")


def test_an_agent_of_another_team_is_refused_by_the_desk(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, CAIO.email, next_path="/desk")
    expect(page.locator("table.queue")).to_have_count(0)  # technical has no tickets
    page.goto("/desk/tickets/1")
    page.get_by_role("button", name=L.TAKE, exact=True).click()
    expect(page.get_by_role("alert")).to_have_text(
        "caio@desk.example is an agent of team technical, not of team financial that ticket 1 belongs to; add the team "
        "with: formrunner users update caio@desk.example --team technical --team financial.")
    assert agent_desk.ticket(1).get("assignee") is None


def test_a_requester_cannot_open_the_desk(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, ANA.email)
    for path in ("/desk", "/desk/tickets/1", "/desk/tickets/99"):
        response = page.goto(path)
        assert response.status == 404, path
        expect(heading(page)).to_have_text(L.NOT_FOUND_TITLE)
    expect(page.get_by_role("link", name=L.DESK_LINK, exact=True)).to_have_count(0)
    token = page.locator("input[name=_csrf]").first.get_attribute("value")
    assert page.request.post("/desk/tickets/1/assign", form={"_csrf": token, "to": ANA.email},
                             max_redirects=0).status == 404
    assert agent_desk.ticket(1).get("assignee") is None


def test_a_forged_post_to_the_desk_is_refused(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, BIA.email, next_path="/desk/tickets/3")
    expect(page.get_by_role("button", name=L.TAKE, exact=True)).to_be_visible()
    for form in ({"to": BIA.email}, {"to": BIA.email, "_csrf": "forged-token"}):
        assert page.request.post("/desk/tickets/3/assign", form=form, max_redirects=0).status == 403
    assert agent_desk.ticket(3).get("assignee") is None


def test_an_agent_reads_the_report_of_a_period(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, BIA.email, next_path="/desk")
    page.get_by_role("link", name=L.REPORT_LINK, exact=True).click()
    expect(heading(page)).to_have_text(L.REPORT_TITLE)
    page.get_by_label(L.REPORT_FROM, exact=True).fill("2026-12-01")
    page.get_by_label(L.REPORT_TO, exact=True).fill("2026-12-03")
    page.get_by_role("button", name=L.REPORT_SHOW, exact=True).click()
    expect(heading(page)).to_have_text(L.REPORT_TITLE)
    assert "from=2026-12-01" in page.url and "to=2026-12-03" in page.url
    counts = page.locator("table", has=page.locator("caption", has_text=L.REPORT_COUNTS))
    total = counts.locator("tfoot tr")
    expect(total.locator("th")).to_have_text(L.REPORT_TOTAL)
    expect(total.locator("td").nth(1)).to_have_text("3")  # the three tickets filed on the 1st and the 2nd
    for chart in L.REPORT_CHARTS:
        expect(page.get_by_role("img", name=chart)).to_be_visible()
    # The period after the three tickets: nothing opened.
    page.goto("/desk/report?from=2026-12-03&to=2026-12-04")
    expect(page.locator("table", has=page.locator("caption", has_text=L.REPORT_COUNTS))
           .locator("tfoot tr td").nth(1)).to_have_text("0")


def test_a_report_with_a_date_that_is_not_one_says_why(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, BIA.email, next_path="/desk")
    response = page.goto("/desk/report?from=2026-13-01")
    assert response.status == 400
    expect(page.get_by_role("alert")).to_have_text(L.BAD_FROM)
    page.get_by_role("link", name=L.THIS_MONTH, exact=True).click()
    expect(heading(page)).to_have_text(L.REPORT_TITLE)


def test_a_requester_cannot_read_the_report(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, ANA.email)
    assert page.goto("/desk/report").status == 404


def test_the_desk_pages_in_portuguese(open_page, agent_desk):
    page = open_page()
    agent_desk.sign_in_with_code(page, BIA.email, next_path="/desk")
    page.get_by_role("link", name=L.PT, exact=True).click()
    expect(heading(page)).to_have_text(L.PT_QUEUE_TITLE)
    expect(page.get_by_role("link", name=L.PT_DESK_LINK, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=L.PT_QUEUE_UNASSIGNED, exact=True)).to_be_visible()
    page.get_by_role("link", name="#1", exact=True).click()
    expect(page.get_by_role("heading", name=L.PT_ACTIONS, exact=True)).to_be_visible()
    expect(fact(page, L.PT_TEAM)).to_have_text(L.PT_FINANCIAL)
    expect(page.get_by_role("button", name=L.PT_TAKE, exact=True)).to_be_visible()
    page.goto("/desk/report?from=2026-12-01&to=2026-12-03")
    expect(heading(page)).to_have_text(L.PT_REPORT)
    expect(page.locator("caption", has_text=L.PT_REPORT_COUNTS)).to_be_visible()
