import Foundation

/// More of the corpus in legacy charsets, each converted from UTF-8 as the client would send it
/// (the bytes made with iconv's tables), with the quote its client writes.
extension CorpusCase {
    static let moreCharsets: [CorpusCase] = [
        .encoded("Portuguese UTF-7, old webmail", charset: "utf-7", base64: "T2wrQU9FLCBqK0FPRSBmdW5jaW9uYS4gT2JyaWdhZGEhCgpFbSAyNS8xMS8yMDI2IDExOjAwLCBTdXBvcnRlIGVzY3JldmV1Ogo+IEZ1bmNpb25hPwo=",
                 text: "Olá, já funciona. Obrigada!"),
        .encoded("Spanish windows-1252, Outlook De/Enviado", charset: "windows-1252", base64: "v1F16SBwYXPzPyBZYSBlc3ThIHJlc3VlbHRvLCBzZfFvci4KCkRlOiBTb3BvcnRlIDxzdXBwb3J0QGRlc2suZXhhbXBsZT4KRW52aWFkbzogbWnpcmNvbGVzLCAyNSBkZSBub3ZpZW1icmUgZGUgMjAyNiAxMTowMAo=",
                 text: "¿Qué pasó? Ya está resuelto, señor."),
        .encoded("Portuguese ISO-8859-1, Outlook header block", charset: "iso-8859-1", base64: "QSBlbWlzc+NvIGRhIG5vdGEgZmlzY2FsIGZhbGhvdSBkZSBub3ZvLgoKRGU6IFN1cG9ydGUgPHN1cHBvcnRAZGVzay5leGFtcGxlPgpFbnZpYWRvOiBxdWFydGEtZmVpcmEsIDI1IGRlIG5vdmVtYnJvIGRlIDIwMjYgMTE6MDAKUGFyYTogQW5hCg==",
                 text: "A emissão da nota fiscal falhou de novo."),
        .encoded("Japanese Shift_JIS, Thunderbird attribution", charset: "Shift_JIS", base64: "g42DT4NDg5OCxYKrgtyCtYK9gUIKCjIwMjYvMTEvMjUgMTE6MDAsIFN1cHBvcnQgd3JvdGU6Cj4gg42DT4NDg5OCxYKrgtyCt4KpgUgK",
                 text: "ログインできました。"),
        .encoded("Korean EUC-KR, Outlook 원본 메시지", charset: "euc-kr", base64: "sOHBprChILTZvcMgvcfG0MffvcC0z7TZLgoKLS0tLS2/+Lq7ILjevcPB9i0tLS0tCrq4s70gu+e29zogU3VwcG9ydAo=",
                 text: "결제가 다시 실패했습니다."),
        .encoded("Chinese Big5, Thunderbird 寫道", charset: "big5", base64: "sN3DRKR3uGe40ahNpEahQwoKU3VwcG9ydCCp8yAyMDI2LzExLzI1IDExOjAwILxnuUQ6Cj4guNGoTaRGttyhSAo=",
                 text: "問題已經解決了。"),
        .encoded("Chinese GB2312, Outlook 发件人 block", charset: "gb2312", base64: "t6LGsdLRvq3K1bW9o6zQu9C7oaMKCreivP7IyzogU3VwcG9ydCA8c3VwcG9ydEBkZXNrLmV4YW1wbGU+Creiy83KsbzkOiAyMDI2xOoxMdTCMjXI1SAxMTowMAo=",
                 text: "发票已经收到，谢谢。"),
        .encoded("Russian KOI8-R, Outlook Исходное сообщение", charset: "koi8-r", base64: "79DMwdTBINDSz9vMwSwg09DB08nCzy4KCi0tLS0t6dPIz8TOz8Ug08/Pwt3FzsnFLS0tLS0K79Q6IFN1cHBvcnQK",
                 text: "Оплата прошла, спасибо."),
        .encoded("Japanese ISO-2022-JP, Outlook 差出人 block", charset: "iso-2022-jp", base64: "GyRCQEE1YT1xJHIzTkcnJDckXiQ3JD8hIxsoQgoKGyRCOjk9UD9NGyhCOiBTdXBwb3J0IDxzdXBwb3J0QGRlc2suZXhhbXBsZT4KGyRCQXc/LkZ8O34bKEI6IDIwMjYbJEJHLxsoQjExGyRCN24bKEIyNRskQkZ8GyhCIDExOjAwCg==",
                 text: "請求書を確認しました。"),
        .encoded("Czech ISO-8859-2, Thunderbird napsal", charset: "iso-8859-2", base64: "UGxhdGJhIHByb2LsaGxhIHYgcG/44WRrdS4KCkRuZSAyNS4xMS4yMDI2IHYgMTE6MDAgU3VwcG9ydCBuYXBzYWwoYSk6Cj4gUHJvYuxobGEgcGxhdGJhPwo=",
                 text: "Platba proběhla v pořádku."),
    ]
}
