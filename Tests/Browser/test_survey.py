"""The satisfaction survey: its link comes in the Solved e-mail; answered once, then "already answered"."""
from playwright.sync_api import expect

import labels as L
from labels import heading
from walk import choose


def test_the_survey_from_the_solved_email_is_answered_once(new_context, desk, users):
    ana = users["ana"]
    number = desk.create_ticket(ana, "Please resend the October invoice as a PDF.")
    since = desk.maildir.snapshot()
    desk.transition(number, "solve", message="Sent again.")
    mail = desk.latest_mail(ana.email, subject_contains=f"Ticket #{number} solved", since=since)
    link = L.SURVEY_LINK.search(mail.body)
    assert link, f"no survey link in the Solved e-mail:\n{mail.body}"
    path = link.group(1)

    page = new_context().new_page()  # no sign-in needed
    page.goto(path)
    expect(heading(page)).to_have_text(L.SURVEY_TITLE)
    choose(page, L.SURVEY_QUESTION, L.SURVEY_VERY_SATISFIED)
    page.get_by_label(L.SURVEY_TELL_US_MORE).fill("Quick and clear, thank you.")
    page.get_by_role("button", name=L.SEND, exact=True).click()
    expect(page.get_by_text(L.SURVEY_THANKS)).to_be_visible()

    page.goto(path)
    expect(page.get_by_role("status")).to_contain_text(L.SURVEY_ALREADY)
    expect(page.get_by_role("button", name=L.SEND, exact=True)).to_have_count(0)
    expect(page.get_by_role("group", name=L.SURVEY_QUESTION)).to_have_count(0)


def test_a_survey_link_with_a_bad_token_is_not_found(page):
    response = page.goto("/survey/not-a-real-token")
    assert response.status == 404
