#!/usr/bin/env python3
"""Known and unknown addresses asking for a sign-in code: how long until the answer (issue 14,
item 1), in the terminal (`formrunner run technical-support --plain`, from the address typed to
"…a code is on its way…") and on the web (`POST /signin/email` on `formrunner serve`, request to
response). On demand only, never in the suite or CI (tests never assert timings).

    python3 Benchmarks/signin/timing.py [FORMRUNNER_BINARY] [--runs N] [--delay SECONDS]

The notifier is `sendmail:` with a command that waits DELAY seconds (0.3 by default) before it
takes the message: a slow mail server, so that a code sent before the answer shows. Every
request uses an address of its own (a known address is one of N users added first), so the resend
cool-down never answers instead. Everything runs in a temporary folder and on 127.0.0.1 only; the
server is stopped at the end. Prints a Markdown table: median and 90th percentile, in ms.
"""
import argparse
import http.cookiejar
import os
import re
import select
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def wait_for(process, pattern, buffer, timeout=60):
    deadline = time.monotonic() + timeout
    while pattern not in buffer[0]:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError(f"never saw {pattern!r} in:\n{buffer[0][-2000:]}")
        ready, _, _ = select.select([process.stdout], [], [], remaining)
        if ready:
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                raise RuntimeError(f"the run ended before {pattern!r}:\n{buffer[0][-2000:]}")
            buffer[0] += chunk.decode("utf-8", "replace")


def terminal(binary, environment, email):
    run = subprocess.Popen([binary, "run", "technical-support", "--plain"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=environment)
    buffer = [""]
    try:
        wait_for(run, "2) E-mail and password", buffer)
        run.stdin.write(b"1\n")
        run.stdin.flush()
        wait_for(run, "E-mail", buffer)
        start = time.monotonic()
        run.stdin.write(email.encode() + b"\n")
        run.stdin.flush()
        wait_for(run, "a code is on its way", buffer)
        return time.monotonic() - start
    finally:
        run.kill()
        run.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


def web(base, email):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    page = opener.open(base + "/signin/email?next=/").read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"email": email, "next": "/", "_csrf": csrf}).encode()
    start = time.monotonic()
    try:
        opener.open(base + "/signin/email", data=body)
    except urllib.error.HTTPError as error:
        if error.code != 303:
            raise
    return time.monotonic() - start


def summary(samples):
    ordered = sorted(samples)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"{statistics.median(ordered) * 1000:.1f} | {p90 * 1000:.1f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=os.path.join(REPOSITORY, ".build", "debug", "formrunner"))
    parser.add_argument("--runs", type=int, default=12)
    parser.add_argument("--delay", type=float, default=0.3)
    options = parser.parse_args()
    options.binary = os.path.abspath(options.binary)
    work = tempfile.mkdtemp(prefix="formrunner-signin-")
    server = None
    try:
        catalog = os.path.join(work, "catalog")
        os.makedirs(catalog)
        for name in ("Forms", "Workflows", "schema"):
            shutil.copytree(os.path.join(REPOSITORY, name), os.path.join(catalog, name))
        shutil.copy(os.path.join(REPOSITORY, "formrunner.yaml"), catalog)
        notifier = f"sendmail:/bin/sh -c 'sleep {options.delay}; cat >/dev/null'"
        environment = dict(os.environ, FORMRUNNER_STORE="sqlite:" + os.path.join(work, "tickets.sqlite"),
                           FORMRUNNER_NOTIFIER=notifier, NO_COLOR="1")
        environment.pop("FORMRUNNER_NOW", None)
        known = [f"known{index}@example.com" for index in range(2 * options.runs)]
        for email in known:
            subprocess.run([options.binary, "users", "add", email, "--name", "Known", "--account", "lojaana",
                            "--country", "BR", "--permission", "support"], cwd=catalog, env=environment, check=True,
                           capture_output=True)
        results = {}
        for index in range(options.runs):
            for kind in ("known", "unknown"):
                email = known[index] if kind == "known" else f"stranger{index}@example.com"
                results.setdefault(("terminal", kind), []).append(terminal(options.binary, dict(environment), email))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([options.binary, "serve", "--catalog", catalog, "--listen", f"127.0.0.1:{port}",
                                   "--base-url", base], cwd=catalog, env=environment,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        for index in range(options.runs):
            for kind in ("known", "unknown"):
                email = known[options.runs + index] if kind == "known" else f"visitor{index}@example.com"
                results.setdefault(("web", kind), []).append(web(base, email))
        print(f"| path | address | median ms | p90 ms |  ({options.runs} each, notifier waits {options.delay} s)")
        print("|---|---|---|---|")
        for (path, kind), samples in results.items():
            print(f"| {path} | {kind} | {summary(samples)} |")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
