"""Every piece of page wording the browser tests rely on, in one place.

The wording comes from /work/notes/pages.md (the page contract of `formrunner serve`) and from the
catalog's YAML. Where the contract is vague, the constant holds the most natural wording and says
so with `# VAGUE:`; align the page or the constant here, never the tests.
"""
import re

# Every page
DESK_NAME = "Support"
LANG_LINKS = {"en": "English", "pt": "Português", "es": "Español"}
SIGN_OUT = "Sign out"
SIGNED_IN_AS = "Signed in as"

# Home
TECHNICAL = "Technical support"
FINANCIAL = "Financial support"
COMMERCIAL = "Commercial support"
HISTORY_LINK = "Request History"

# Sign-in
SIGN_IN_TITLE = "Sign in"
SIGN_IN_METHOD_GROUP = "How do you want to sign in?"
METHOD_EMAIL_CODE = "Send a code to my e-mail"
METHOD_PASSWORD = "E-mail and password"
CONTINUE = "Continue"
EMAIL = "E-mail"
PASSWORD = "Password"
SEND_CODE = "Send code"
CODE = "Code"
SIGN_IN_BUTTON = "Sign in"
SEND_NEW_CODE = "Send a new code"


def code_on_its_way(email):
    return f"If {email} may sign in here, a code is on its way to it."


def wrong_code(attempts_left):
    # The desk's reason is "the code is not right; 4 attempts left"; the page may capitalise it.
    plural = "" if attempts_left == 1 else "s"
    return re.compile(rf"the code is not right; {attempts_left} attempt{plural} left", re.I)


# Technical flow
PERMISSION_TITLE = "Support permission"
PERMISSION_MESSAGE = "You must enable support permission in License Manager"
COPILOT_TITLE = "Copilot"
LANGUAGE_GROUP = "Language"
SCENARIO_GROUP = "Scenario"
SCENARIO_UNEXPECTED = "I have an unexpected behavior"
OBJECTIVE = "Explain the objective"
PROBLEM = "Detail the problem"
RESOURCES = "List the resources already used"
TALK_TO_A_PERSON = "Talk to a person"
OTP_TITLE = "Opening a ticket"
OTP_FIELD = "Enter the OTP (One-Time Password) code sent to your email."
INTAKE_TITLE = "Identify and report problems"
CREATE_TICKET = "Create ticket"


def otp_sent(email):
    return f"We sent a code to {email}."


# Financial and commercial flows
IDENTIFY_TITLE = "Identify yourself"
NAME = "Name"
ACCOUNT = "Account"
FINANCIAL_SUBJECT_GROUP = "Request subject"
COMMERCIAL_SUBJECT_GROUP = "What do you need?"
SEND = "Send"  # the submit step's label in financial-support.yaml and commercial-support.yaml

# Forms
REQUIRED_MARK = "(required)"
OPTIONAL_MARK = "(optional)"
REVIEW_TITLE = "Review your request"
CHANGE = "Change"
DISCARD = "Discard"


def correct_problems(count):
    # VAGUE: "Please correct the N problem(s) below." — singular/plural spelling may differ.
    return re.compile(rf"Please correct the {count} problems?(\(s\))? below\.")


def field_error(field_id):
    """The CSS selector of the message beside a field."""
    return f"#{field_id}-error"


# Confirmation
CREATED_TITLE = re.compile(r"^Ticket (\d+) created$")


def confirmation_sent(email):
    return f"A confirmation was sent to {email}."


def view_ticket(number):
    return f"View ticket {number}"


# Request History
HISTORY_TITLE = "Request History"
SEARCH_BY_ID = "Search by ticket ID"
STATUS_SELECT = "Status"
SEARCH = "Search"
ALL_STATUSES = "All statuses"
NO_TICKETS = "No tickets found."

# Ticket page
YOUR_REPLY = "Your reply"
SEND_REPLY = "Send reply"
REPLY_RECORDED = "Your reply was recorded."
CLOSED_REFUSAL = re.compile(r"closed tickets cannot be reopened", re.I)
OPEN_NEW_TICKET = "Open a new ticket"


def status_line(label):
    # VAGUE: "Status: Solved" (a label and its value); matched as text with any spacing.
    return re.compile(rf"Status:\s*{re.escape(label)}")


# Survey
SURVEY_TITLE = "Satisfaction survey"
SURVEY_QUESTION = "How satisfied are you with the support you received?"
SURVEY_VERY_SATISFIED = "5 — Very satisfied"
SURVEY_TELL_US_MORE = "Tell us more"
SURVEY_THANKS = "Thank you for your answer."
SURVEY_ALREADY = "This survey was already answered."
SURVEY_LINK = re.compile(r"https?://[^\s/]+(/survey/[A-Za-z0-9_\-.~%]+)")

# Portuguese. VAGUE: the contract gives only the English wording; these are the natural translations.
PT_SIGN_IN_TITLE = "Entrar"
PT_HISTORY_LINK = "Histórico de solicitações"


def heading(page):
    """The page's h1."""
    return page.get_by_role("heading", level=1)


# The assistant's answers (the copilot step's texts in Workflows/technical-support.yaml)
FIND_ANSWERS = "Find answers"
SCENARIO_DOUBT = "I have a doubt"
SUGGESTIONS = "Articles that may answer your question"
PT_SUGGESTIONS = "Artigos que podem responder à sua dúvida"
OTHER_WORDS = "Your question in other words"
ASK_AGAIN = "Ask again with other words"
PT_BACK_TO_SUGGESTIONS = "Voltar às sugestões"
PT_ANSWERED = "Minha dúvida foi respondida"
PT_CLOSING = "Que bom que ajudou! Nenhum chamado foi aberto. Volte quando precisar."
HAR_TITLE = "How to generate a HAR file"
PT_HAR_TITLE = "Como gerar um arquivo HAR"

# Agent pages (/desk): the queue and a ticket with its actions (issue 13 item 7)
DESK_LINK = "Desk"
QUEUE_TITLE = "Queue"
NOT_FOUND_TITLE = "Not found"
QUEUE_MY_TEAMS = "My teams"
QUEUE_UNASSIGNED = "Unassigned"
TAKE = "Take"
REPLY_FIELD = "Reply to the requester (e-mailed)"
SEND_REPLY = "Send reply"
REPLY_SENT = "Your reply was sent to the requester."
NOTE_FIELD = "Internal note (agents only, never e-mailed)"
ADD_NOTE = "Add note"
NOTE_ADDED = "Your internal note was added."
SOLVE = "Mark as solved"
SOLVED_DONE = "Done: Mark as solved."
REPORT_LINK = "Report"
REPORT_TITLE = "Report"
REPORT_FROM = "From"
REPORT_TO = "To"
REPORT_SHOW = "Show"
REPORT_COUNTS = "Tickets per team and priority"
REPORT_TOTAL = "Total"
REPORT_CHARTS = ["Opened and solved per day", "Opened and solved per team", "First-response distribution"]
BAD_FROM = "From '2026-13-01' is not a date; write it as YYYY-MM-DD (for example 2026-11-01)."
THIS_MONTH = "This month's report"
PT = "Português"
PT_QUEUE_TITLE = "Fila"
PT_DESK_LINK = "Atendimento"
PT_QUEUE_UNASSIGNED = "Sem responsável"
PT_ACTIONS = "Ações"
PT_TEAM = "Equipe"
PT_STATUS = "Status"
PT_FINANCIAL = "Suporte financeiro"
PT_OPEN = "Aberto"
PT_TAKE = "Assumir"
PT_REPORT = "Relatório"
PT_REPORT_COUNTS = "Tickets por equipe e prioridade"


def assigned_to(number, email):
    return f"Ticket {number} is assigned to {email}."
