"""Session fixtures of the browser tests: a throwaway desk (a copy of the catalog, a SQLite store,
a Maildir, users added with the CLI), `formrunner serve` on a free loopback port, and Chromium
driven by Playwright. On a failure, a screenshot and the HTML of every open page, and the server's
log, are saved in Tests/Browser/artifacts/.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

import labels as L
from labels import heading
from maildir import Maildir

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parent.parent
ARTIFACTS = HERE / "artifacts"
CHROMIUM = os.environ.get("FORMRUNNER_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "correct horse battery staple"

expect.set_options(timeout=10_000)


class User:
    def __init__(self, email, name, accounts=("lojaana",), country="BR", permissions=("support",)):
        self.email, self.name, self.accounts = email, name, list(accounts)
        self.country, self.permissions = country, list(permissions)


# Every requester the tests sign in as. Flows keep a draft per user and flow, so each test that
# walks a flow has a user of its own: a test never lands on another one's half-finished step.
USERS = {
    "ana": User("ana@example.com", "Ana Souza", ["lojaana", "lojabeta"]),
    "bruno": User("bruno@example.com", "Bruno Lima", ["lojabruno"]),
    "nopermission": User("carla@example.com", "Carla Dias", ["lojacarla"], permissions=()),
}
for key, name in [("technical", "Teresa Nunes"), ("technical2", "Tiago Nunes"), ("financial", "Fabio Reis"),
                  ("commercial", "Celia Prado"), ("commercial2", "Cesar Prado"), ("conditional", "Davi Rocha"),
                  ("conditional2", "Diana Rocha"), ("nojs", "Nina Alves"), ("upload", "Ugo Pires"),
                  ("uploadsize", "Ursula Pires"), ("validation", "Vera Melo"), ("resume", "Rui Costa"),
                  ("keyboard", "Kelly Ramos"), ("portuguese", "Paulo Freitas"), ("wrongcode", "Wagner Lopes"),
                  ("ratelimit", "Raul Teles"), ("headers", "Helena Braga"), ("assistant", "Alice Matos"),
                  ("assistant2", "Artur Matos"), ("doubleclick", "Dora Dias"), ("resubmit", "Rosa Reis"),
                  ("twotabs", "Tania Toledo")]:
    USERS[key] = User(f"{key}@example.com", name, ["lojaana", "lojabeta"])


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def formrunner_binary():
    path = os.environ.get("FORMRUNNER_BIN") or str(REPOSITORY / ".build" / "debug" / "formrunner")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no formrunner binary at {path}: run `swift build --product formrunner` first "
                    "(or set FORMRUNNER_BIN)", pytrace=False)
    return path


class Desk:
    """A throwaway desk: the catalog copy, its store and Maildir, the CLI and the running server."""

    def __init__(self, folder):
        self.binary = formrunner_binary()
        self.folder = folder
        self.catalog = os.path.join(folder, "catalog")
        self.store = "sqlite:" + os.path.join(folder, "tickets.sqlite")
        self.maildir = Maildir(os.path.join(folder, "mail"))
        self.log_path = os.path.join(folder, "server.log")
        self.server = None
        self.base_url = None
        os.makedirs(self.catalog)
        for name in ("Forms", "Workflows", "schema", "Knowledge"):
            shutil.copytree(REPOSITORY / name, os.path.join(self.catalog, name))
        shutil.copy(REPOSITORY / "formrunner.yaml", self.catalog)

    # The command line, on the same store and Maildir as the server.

    def cli(self, *arguments, input=None, now=None, check=True):
        environment = dict(os.environ, FORMRUNNER_STORE=self.store, NO_COLOR="1",
                           FORMRUNNER_NOTIFIER="maildir:" + self.maildir.folder)
        environment.pop("FORMRUNNER_NOW", None)
        if getattr(self, "base_url", None):
            # Links in the e-mails the command line sends (the survey's) lead to this server.
            environment["FORMRUNNER_BASE_URL"] = self.base_url
        if now is not None:
            environment["FORMRUNNER_NOW"] = now
        run = subprocess.run([self.binary, *arguments], cwd=self.catalog, env=environment, input=input or "",
                             capture_output=True, text=True, timeout=120)
        if check and run.returncode != 0:
            raise AssertionError(f"formrunner {' '.join(arguments)} exited {run.returncode}: {run.stderr}{run.stdout}")
        return run

    def add_user(self, user):
        arguments = ["users", "add", user.email, "--name", user.name, "--password-stdin"]
        for account in user.accounts:
            arguments += ["--account", account]
        if user.country:
            arguments += ["--country", user.country]
        for permission in user.permissions:
            arguments += ["--permission", permission]
        self.cli(*arguments, input=PASSWORD + "\n")

    def ticket(self, number):
        """`formrunner tickets show N --json`, parsed."""
        return json.loads(self.cli("tickets", "show", str(number), "--json").stdout)

    def create_ticket(self, user, what_happened, now=None):
        """Files a financial ticket for `user` with the CLI; returns its number."""
        run = self.cli("tickets", "create", "--form", "financial.change-monthly-invoice-expiration-date",
                       "--requester", user.email, "--name", user.name, "--account", user.accounts[0],
                       "--workflow", "financial-support", "--set", "desired_day=10",
                       "--set", "what_happened=" + what_happened, "--json", now=now)
        return json.loads(run.stdout)["number"]

    def transition(self, number, event, actor="agent", now=None, message=None):
        arguments = ["tickets", "transition", str(number), event, "--as", actor]
        if message:
            arguments += ["--message", message]
        return self.cli(*arguments, now=now)

    # The server.

    def start(self):
        port = free_port()
        self.base_url = f"http://127.0.0.1:{port}"
        log = open(self.log_path, "w")
        self.server = subprocess.Popen(
            [self.binary, "serve", "--catalog", self.catalog, "--store", self.store,
             "--notifier", "maildir:" + self.maildir.folder, "--listen", f"127.0.0.1:{port}",
             "--base-url", self.base_url],
            cwd=self.catalog, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_COLOR="1"))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise AssertionError(f"formrunner serve exited {self.server.returncode} at start:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.base_url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"formrunner serve did not answer /healthz within 60 s:\n{self.log()}")

    def stop(self):
        """SIGTERM; the server must finish and exit 0."""
        self.server.send_signal(signal.SIGTERM)
        try:
            status = self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            raise AssertionError(f"formrunner serve did not stop within 30 s of SIGTERM:\n{self.log()}")
        assert status == 0, f"formrunner serve exited {status} on SIGTERM:\n{self.log()}"

    def log(self):
        with open(self.log_path, errors="replace") as handle:
            return handle.read()[-6000:]

    # E-mail.

    def read_code(self, email, since=None):
        """The newest one-time code e-mailed to `email` (newer than the `since` snapshot, if given)."""
        return self.maildir.code(email, since=since)

    def latest_mail(self, to, subject_contains=None, since=None):
        return self.maildir.latest(to, subject_contains=subject_contains, since=since)

    # People.

    def sign_in_with_code(self, page, email, next_path=None):
        """Signs in on the sign-in page (going there first when `next_path` is given or the page is
        elsewhere) with a code e-mailed to `email`, read from the Maildir."""
        if next_path is not None:
            page.goto("/signin?next=" + next_path)
        elif "/signin" not in page.url:
            page.goto("/signin")
        expect(heading(page)).to_have_text(L.SIGN_IN_TITLE)
        page.get_by_role("group", name=L.SIGN_IN_METHOD_GROUP).get_by_label(L.METHOD_EMAIL_CODE).check()
        send = page.get_by_role("button", name=L.SEND_CODE, exact=True)
        if not send.is_visible():
            page.get_by_role("button", name=L.CONTINUE, exact=True).click()
        page.get_by_role("textbox", name=L.EMAIL).fill(email)
        since = self.maildir.snapshot()
        send.click()
        expect(page.get_by_role("status")).to_contain_text(L.code_on_its_way(email))
        page.get_by_role("textbox", name=L.CODE).fill(self.read_code(email, since=since))
        page.get_by_role("button", name=L.SIGN_IN_BUTTON, exact=True).click()
        expect(page.get_by_text(L.SIGNED_IN_AS).first).to_be_visible()


def fixture_desk(name, *users):
    """A started desk whose catalog is Tests/Fixtures/NAME (its Forms and Workflows), with the shipped
    e-mail templates for the desk's own mail (sign-in codes) and `users`; a generator for a fixture
    to yield from: the desk stops and its folder goes when the fixture ends."""
    folder = tempfile.mkdtemp(prefix=f"formrunner-{name}-")
    the_desk = Desk(folder)
    for part in ("Forms", "Workflows", "Knowledge"):
        shutil.rmtree(os.path.join(the_desk.catalog, part), ignore_errors=True)
    os.remove(os.path.join(the_desk.catalog, "formrunner.yaml"))
    for part in ("Forms", "Workflows"):
        shutil.copytree(REPOSITORY / "Tests" / "Fixtures" / name / part, os.path.join(the_desk.catalog, part))
    shutil.copytree(REPOSITORY / "Workflows" / "templates", os.path.join(the_desk.catalog, "Workflows", "templates"),
                    dirs_exist_ok=True)
    for user in users:
        the_desk.add_user(user)
    the_desk.start()
    yield the_desk
    the_desk.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def users():
    return USERS


@pytest.fixture(scope="session")
def desk():
    folder = tempfile.mkdtemp(prefix="formrunner-browser-")
    the_desk = Desk(folder)
    for user in USERS.values():
        the_desk.add_user(user)
    the_desk.start()
    _state["desk"] = the_desk
    yield the_desk
    _state.pop("desk", None)
    the_desk.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"no Chromium at {CHROMIUM}: `bash .ci/run` installs Debian's chromium", pytrace=False)
    playwright = sync_playwright().start()
    # Playwright's own browser download is not reachable: drive Debian's Chromium.
    the_browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    _state["browser"] = the_browser
    yield the_browser
    _state.pop("browser", None)
    the_browser.close()
    playwright.stop()


@pytest.fixture
def new_context(browser, desk):
    """Opens a browser context (a new session: its own cookies) on the desk; closed after the test."""
    opened = []

    def make(**options):
        options.setdefault("locale", "en-US")
        context = browser.new_context(base_url=desk.base_url, **options)
        context.set_default_timeout(15_000)
        opened.append(context)
        return context

    yield make
    for context in opened:
        try:
            context.close()
        except Exception:
            pass


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def cli(desk):
    return desk.cli


def pytest_collection_modifyitems(items):
    """Tests marked `last` (they may make the server refuse this machine for a while) run last."""
    items.sort(key=lambda item: item.get_closest_marker("last") is not None)


_state = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.failed or report.when == "teardown":
        return
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)
    the_browser = _state.get("browser")
    if the_browser is not None:
        index = 0
        for context in the_browser.contexts:
            for open_page in context.pages:
                index += 1
                try:
                    open_page.screenshot(path=str(ARTIFACTS / f"{name}-{index}.png"), full_page=True)
                    (ARTIFACTS / f"{name}-{index}.html").write_text(
                        f"<!-- {open_page.url} -->\n" + open_page.content(), encoding="utf-8")
                except Exception as error:  # a closed or crashed page: keep going
                    (ARTIFACTS / f"{name}-{index}.txt").write_text(f"{open_page.url}: {error}\n")
    the_desk = _state.get("desk")
    if the_desk is not None:
        shutil.copy(the_desk.log_path, ARTIFACTS / "server.log")
