import Foundation
@testable import FormrunnerPostgres
import Testing

/// The bound documents of the PostgreSQL batch: valid JSON whose values are exactly the ones added.
@Suite("JSONRecords")
struct JSONRecordsTests {
    @Test("every character but U+0000 comes back from a JSON parser as it went in")
    func escaping() throws {
        let controls = String(String.UnicodeScalarView((1..<0x20).compactMap(Unicode.Scalar.init)))
        let texts = ["", controls, "\"quoted\" \\ back\\slash /", "é 👩‍💻 日本語 \u{2028}\u{2029}\u{7F}\u{FEFF}", "\\u0041 \\n"]
        var records = JSONRecords(columns: ["text", "number", "none", "flag", "words"])
        for (index, text) in texts.enumerated() {
            records.beginRecord()
            records.add(text)
            records.add(index == 0 ? Int64.min : Int64.max)
            records.add(nil as String?)
            records.add(index.isMultiple(of: 2))
            records.add([text, "plain"])
            records.endRecord()
        }
        #expect(records.count == texts.count)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(records.text.utf8)) as? [[String: Any]])
        #expect(parsed.map { $0["text"] as? String } == texts)
        #expect(parsed.map { $0["words"] as? [String] } == texts.map { [$0, "plain"] })
        #expect(parsed.map { $0["flag"] as? Bool } == texts.indices.map { $0.isMultiple(of: 2) })
        #expect(parsed.allSatisfy { $0["none"] == nil && $0.count == 4 })
        #expect(records.text.contains("\"number\":-9223372036854775808"))
        #expect(records.text.contains("\"number\":9223372036854775807"))
    }

    @Test("an empty document is an empty array; fields keep the columns' order; a nil is no field")
    func shape() {
        #expect(JSONRecords(columns: ["a"]).text == "[]")
        var records = JSONRecords(columns: ["a", "b"])
        records.beginRecord()
        records.add(1 as Int?)
        records.add(nil as [String]?)
        records.endRecord()
        records.beginRecord()
        records.add("x\ny")
        records.add([])
        records.endRecord()
        records.beginRecord()
        records.add(nil as String?)
        records.add(nil as Int64?)
        records.endRecord()
        #expect(records.text == #"[{"a":1},{"a":"x\ny","b":[]},{}]"#)
    }

    @Test("the batch's ticket record has a field for each column of its UPDATE")
    func ticketRecordColumns() {
        #expect(PostgresRows.batchTicketColumns == ["number", "expected"] + PostgresRows.writtenColumns + ["search_words"])
        #expect(!PostgresRows.writtenColumns.contains("search_words"))
        #expect(PostgresRows.batchTicketUpdate.contains("json_to_recordset($1::json)"))
        #expect(!PostgresRows.batchTicketUpdate.contains("$2"))
    }
}
