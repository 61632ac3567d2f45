"""The pages in Portuguese: by the language switch (remembered) and by the browser's Accept-Language."""
from playwright.sync_api import expect

import labels as L
from labels import heading


def test_the_language_switch_shows_the_pages_in_portuguese_and_remembers_it(page):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for name in L.LANG_LINKS.values():
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    page.get_by_role("link", name=L.LANG_LINKS["pt"], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(page.get_by_role("link", name=L.PT_HISTORY_LINK)).to_be_visible()
    page.goto("/signin")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    expect(heading(page)).to_have_text(L.PT_SIGN_IN_TITLE)
    page.get_by_role("link", name=L.LANG_LINKS["en"], exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(heading(page)).to_have_text(L.SIGN_IN_TITLE)


def test_a_browser_asking_for_portuguese_gets_portuguese_pages(new_context):
    page = new_context(locale="pt-BR", extra_http_headers={"Accept-Language": "pt-BR,pt;q=0.9"}).new_page()
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "pt")
    page.goto("/signin")
    expect(heading(page)).to_have_text(L.PT_SIGN_IN_TITLE)


def test_spanish_is_offered_too(page):
    page.goto("/?lang=es")
    expect(page.locator("html")).to_have_attribute("lang", "es")
