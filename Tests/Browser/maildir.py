"""Reads the e-mails `formrunner` writes to its Maildir (RFC 5322 files in new/ and cur/)."""
import email
import email.policy
import os
import re
import time
from dataclasses import dataclass

CODE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
# Subjects of the e-mails that carry a code (Workflows/templates/one-time-code.mustache).
CODE_SUBJECT = re.compile(r"one-time password|code", re.I)


@dataclass
class Mail:
    path: str
    mtime: int
    to: str
    subject: str
    body: str


class Maildir:
    def __init__(self, folder):
        self.folder = folder

    def files(self):
        """Every message file, oldest first."""
        found = []
        for sub in ("new", "cur"):
            directory = os.path.join(self.folder, sub)
            if not os.path.isdir(directory):
                continue
            for name in os.listdir(directory):
                path = os.path.join(directory, name)
                if os.path.isfile(path):
                    found.append((os.stat(path).st_mtime_ns, name, path))
        return [path for _, _, path in sorted(found)]

    def snapshot(self):
        """The messages there now; pass it as `since` to wait for newer ones."""
        return set(self.files())

    @staticmethod
    def read(path):
        with open(path, "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        part = message.get_body(preferencelist=("plain", "html"))
        body = part.get_content() if part is not None else ""  # decodes quoted-printable and base64
        return Mail(path=path, mtime=os.stat(path).st_mtime_ns, to=str(message.get("To", "")),
                    subject=str(message.get("Subject", "")), body=body)

    def messages(self, to=None, subject_contains=None, since=None):
        """Matching messages, oldest first."""
        result = []
        for path in self.files():
            if since is not None and path in since:
                continue
            mail = self.read(path)
            if to is not None and to.lower() not in mail.to.lower():
                continue
            if subject_contains is not None and subject_contains not in mail.subject:
                continue
            result.append(mail)
        return result

    def latest(self, to, subject_contains=None, since=None, timeout=15.0):
        """The newest matching message, waiting up to `timeout` seconds for one to arrive."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.messages(to=to, subject_contains=subject_contains, since=since)
            if found:
                return found[-1]
            if time.monotonic() > deadline:
                seen = [f"{m.to}: {m.subject}" for m in self.messages()]
                raise AssertionError(f"no e-mail to {to} with subject containing {subject_contains!r} "
                                     f"arrived in {timeout:.0f} s; the Maildir holds: {seen}")
            time.sleep(0.1)

    def code(self, to, since=None, timeout=15.0):
        """The six-digit code of the newest one-time-code e-mail to `to`."""
        deadline = time.monotonic() + timeout
        while True:
            for mail in reversed(self.messages(to=to, since=since)):
                if not CODE_SUBJECT.search(mail.subject):
                    continue
                match = CODE.search(mail.subject) or CODE.search(mail.body)
                if match:
                    return match.group(1)
            if time.monotonic() > deadline:
                raise AssertionError(f"no code e-mailed to {to} arrived in {timeout:.0f} s")
            time.sleep(0.1)
