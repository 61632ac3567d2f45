import Foundation

/// The corpus's messages sent by programs (RFC 3834 auto-replies, vendors' out-of-office answers,
/// delivery and read notices, lists), each with what tells it from a person's reply, and one a
/// person wrote that says so explicitly.
extension CorpusCase {
    static let automatic: [CorpusCase] = [
        .mail("Gmail vacation responder", head: "Auto-Submitted: auto-replied\nContent-Type: text/plain; charset=\"UTF-8\"", body: """
              I am away until December 7 with limited access to e-mail.
              """, text: "I am away until December 7 with limited access to e-mail.",
              subject: "Out of office: Re: [Support] Ticket #12", automatic: "Auto-Submitted: auto-replied"),
        .mail("Exchange out-of-office, English", head: "X-Auto-Response-Suppress: All\nX-MS-Exchange-Inbox-Rules-Loop: ana@example.com\nContent-Type: text/plain; charset=\"us-ascii\"", body: """
              I'm out of the office until Monday.
              """, text: "I'm out of the office until Monday.", subject: "Automatic reply: [Support] Ticket #12",
              automatic: "X-Auto-Response-Suppress: All"),
        .mail("Exchange out-of-office, Portuguese subject only", head: "Content-Type: text/plain; charset=\"utf-8\"", body: """
              Estou em férias até 7 de dezembro.
              """, text: "Estou em férias até 7 de dezembro.", subject: "Resposta automática: [Suporte] Chamado #12",
              automatic: "Subject: Resposta automática…"),
        .mail("Zimbra out-of-office, Spanish, X-Autoreply", head: "X-Autoreply: yes\nContent-Type: text/plain; charset=utf-8", body: """
              Estoy fuera de la oficina hasta el lunes.
              """, text: "Estoy fuera de la oficina hasta el lunes.", subject: "Respuesta automática: Re: [Soporte] Ticket #12",
              automatic: "X-Autoreply: yes"),
        .mail("German out-of-office, Abwesenheitsnotiz", head: "Content-Type: text/plain; charset=utf-8", body: """
              Ich bin bis zum 7. Dezember nicht im Büro.
              """, text: "Ich bin bis zum 7. Dezember nicht im Büro.", subject: "Abwesenheitsnotiz: [Support] Ticket #12",
              automatic: "Subject: Abwesenheitsnotiz…"),
        .mail("Postfix bounce, multipart/report with a null return path",
              head: "Return-Path: <>\nAuto-Submitted: auto-replied\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"bounce1\"", body: """
              This is a MIME-encapsulated message.

              --bounce1
              Content-Description: Notification
              Content-Type: text/plain; charset=us-ascii

              This is the mail system at host mx.example.com.

              I'm sorry to have to inform you that your message could not
              be delivered to one or more recipients.

              --bounce1
              Content-Description: Delivery report
              Content-Type: message/delivery-status

              Reporting-MTA: dns; mx.example.com
              Final-Recipient: rfc822; nobody@example.com
              Action: failed
              Status: 5.1.1

              --bounce1--
              """, text: "This is the mail system at host mx.example.com.\n\nI'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients.",
              attachments: ["attachment-1"], from: "MAILER-DAEMON@mx.example.com (Mail Delivery System)",
              subject: "Undelivered Mail Returned to Sender", sender: "mailer-daemon@mx.example.com",
              automatic: "Auto-Submitted: auto-replied"),
        .mail("Exchange non-delivery report", head: "Content-Type: multipart/report; report-type=delivery-status; boundary=\"ndr\"", body: """
              --ndr
              Content-Type: text/plain; charset="us-ascii"

              Delivery has failed to these recipients or groups:

              nobody@example.com
              The e-mail address you entered couldn't be found.

              --ndr
              Content-Type: message/delivery-status

              Action: failed
              --ndr--
              """, text: "Delivery has failed to these recipients or groups:\n\nnobody@example.com\nThe e-mail address you entered couldn't be found.",
              attachments: ["attachment-1"], from: "Microsoft Outlook <postmaster@example.com>", subject: "Undeliverable: [Support] Ticket #12",
              sender: "postmaster@example.com", automatic: "Content-Type: multipart/report; report-type=delivery-status"),
        .mail("read receipt, disposition notification", head: "Content-Type: multipart/report; report-type=disposition-notification; boundary=\"mdn\"", body: """
              --mdn
              Content-Type: text/plain; charset=utf-8

              Your message was read on Wednesday, November 25, 2026.
              --mdn
              Content-Type: message/disposition-notification

              Disposition: manual-action/MDN-sent-manually; displayed
              --mdn--
              """, text: "Your message was read on Wednesday, November 25, 2026.", attachments: ["attachment-1"],
              subject: "Read: [Support] Ticket #12", automatic: "Content-Type: multipart/report; report-type=disposition-notification"),
        .mail("a ticketing system's auto-generated notice", head: "Auto-Submitted: auto-generated\nContent-Type: text/plain; charset=utf-8", body: """
              Your request has been received and assigned number 8812.
              """, text: "Your request has been received and assigned number 8812.", subject: "[Vendor] Request 8812 received",
              automatic: "Auto-Submitted: auto-generated"),
        .mail("a mailing list's bulk message", head: "Precedence: bulk\nList-Id: <news.example.com>\nContent-Type: text/plain; charset=utf-8", body: """
              This month's news.
              """, text: "This month's news.", subject: "Monthly news", automatic: "Precedence: bulk"),
        .mail("Exchange OOF marked in X-Auto-Response-Suppress with OOF", head: "X-Auto-Response-Suppress: DR, OOF, AutoReply\nContent-Type: text/plain; charset=utf-8", body: """
              Fuera de la oficina.
              """, text: "Fuera de la oficina.", subject: "Re: [Soporte] Ticket #12",
              automatic: "X-Auto-Response-Suppress: DR, OOF, AutoReply"),
        .mail("a person's reply that says Auto-Submitted: no", head: "Auto-Submitted: no\nContent-Type: text/plain; charset=utf-8", body: """
              I wrote this myself, the printer still fails.
              """, text: "I wrote this myself, the printer still fails."),
    ]
}
