"""The financial and commercial flows: identification, subject, the subject's form, a filed ticket."""
from playwright.sync_api import expect

import labels as L
from walk import choose, choose_subject, identify, open_flow, pdf, submit, to_review


def test_a_requester_files_a_financial_ticket_with_a_payment_receipt(page, desk, users, tmp_path):
    user = users["financial"]
    open_flow(page, desk, user, L.FINANCIAL)
    identify(page, user, "lojabeta")
    choose_subject(page, L.FINANCIAL_SUBJECT_GROUP, "Sending payment receipt")
    page.get_by_label("What happened?").fill("We paid the November invoice by Pix on the due date.")
    page.get_by_label("Invoice number").fill("NF-2026-1187")
    page.get_by_label("Payment date").fill("2026-11-20")
    page.get_by_label("Amount paid").fill("1250.90")
    choose(page, "Payment method", "Pix")
    page.get_by_label("Payment receipt").set_input_files(pdf(str(tmp_path)))
    to_review(page)
    expect(page.get_by_text("NF-2026-1187")).to_be_visible()
    expect(page.get_by_text("receipt.pdf")).to_be_visible()
    expect(page.get_by_text("lojabeta")).to_be_visible()

    number = submit(page, L.SEND, user)

    ticket = desk.ticket(number)
    assert ticket["form"] == "financial.sending-payment-receipt"
    assert ticket["workflow"] == "financial-support"
    assert ticket["account"] == "lojabeta"
    assert ticket["requester"]["email"] == user.email
    assert ticket["answers"]["invoice_number"] == {"text": "NF-2026-1187"}
    assert ticket["answers"]["amount_paid"] == {"number": 1250.9}
    assert ticket["answers"]["payment_method"] == {"choice": "pix"}
    files = ticket["answers"]["receipt"]["files"]
    assert [file["name"] for file in files] == ["receipt.pdf"]
    assert files[0]["mediaType"] == "application/pdf"


def test_a_requester_files_a_commercial_ticket_for_a_new_trade_policy(page, desk, users):
    user = users["commercial"]
    open_flow(page, desk, user, L.COMMERCIAL)
    identify(page, user, "lojaana")
    choose_subject(page, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    page.get_by_label("Trade policy name").fill("Wholesale B2B")
    choose(page, "Purpose of the trade policy", "B2B store")
    choose(page, "Currency", "Euro (EUR)")
    to_review(page)
    expect(page.get_by_text("Wholesale B2B")).to_be_visible()
    expect(page.get_by_text("Euro (EUR)")).to_be_visible()

    number = submit(page, L.SEND, user)

    ticket = desk.ticket(number)
    assert ticket["form"] == "commercial.new-trade-policy"
    assert ticket["workflow"] == "commercial-support"
    assert ticket["account"] == "lojaana"
    assert ticket["answers"]["policy_name"] == {"text": "Wholesale B2B"}
    assert ticket["answers"]["currency"] == {"choice": "eur"}
    assert "other_currency" not in ticket["answers"]


def test_the_review_page_changes_an_answer_and_comes_back(page, desk, users):
    user = users["commercial2"]
    open_flow(page, desk, user, L.COMMERCIAL)
    identify(page, user, "lojabeta")
    choose_subject(page, L.COMMERCIAL_SUBJECT_GROUP, "New Trade Policy")
    page.get_by_label("Trade policy name").fill("Retail policy")
    choose(page, "Purpose of the trade policy", "B2C store (website or app)")
    choose(page, "Currency", "Brazilian real (BRL)")
    to_review(page)
    # The "Change" link that follows the field's label (a link per field).
    page.get_by_text("Trade policy name", exact=True).locator(
        "xpath=following::a[starts-with(normalize-space(.), '%s')][1]" % L.CHANGE).click()
    expect(page.get_by_label("Trade policy name")).to_be_visible()
    page.get_by_label("Trade policy name").fill("Retail policy 2027")
    to_review(page)
    expect(page.get_by_text("Retail policy 2027")).to_be_visible()
    number = submit(page, L.SEND, user)
    assert desk.ticket(number)["answers"]["policy_name"] == {"text": "Retail policy 2027"}
