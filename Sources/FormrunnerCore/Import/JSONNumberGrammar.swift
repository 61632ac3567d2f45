/// How RFC 8259 writes a number, checked byte by byte (for ``JSONReader``).
enum JSONNumberGrammar {
    /// Whether `byte` is one of the characters numbers are written with (a number is taken whole, then checked).
    static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
             UInt8(ascii: "e"), UInt8(ascii: "E"): return true
        default: return false
        }
    }

    /// Whether `written` follows RFC 8259's grammar of numbers.
    static func isNumber(_ written: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits() -> Int {
            let first = index
            while index < written.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(written[index]) { index += 1 }
            return index - first
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < written.count, written[index] == byte else { return false }
            index += 1
            return true
        }
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            guard digits() == 0 else { return false }
        } else if digits() == 0 {
            return false
        }
        if take(UInt8(ascii: ".")), digits() == 0 { return false }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            if digits() == 0 { return false }
        }
        return index == written.count
    }

    /// Whether the digits before the exponent are not all zeros.
    static func hasNonzeroDigit(_ written: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in written {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return false }
            if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) { return true }
        }
        return false
    }
}
