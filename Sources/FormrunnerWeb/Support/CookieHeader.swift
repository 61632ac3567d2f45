import Hummingbird

/// One cookie's value read straight from the `Cookie` headers, without parsing every cookie the
/// browser sent into a dictionary (Hummingbird's `request.cookies` did that twice a request: 3.7%
/// of a form page's CPU).
enum CookieHeader {
    /// The value of the first cookie called `name` in `request`'s `Cookie` headers, nil when none is.
    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            if let value = value(name, in: header) { return value }
        }
        return nil
    }

    /// The value of the first cookie called `name` in one `Cookie` header (`a=1; b=2`), nil when none is.
    /// A value in double quotes is returned without them, as RFC 6265 allows it to be sent.
    static func value(_ name: String, in header: String) -> String? {
        let bytes = header.utf8
        let wanted = name.utf8
        var index = bytes.startIndex
        while index < bytes.endIndex {
            // Skip the separator's spaces, then compare the pair's name.
            while index < bytes.endIndex, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index = bytes.index(after: index)
            }
            let pairEnd = bytes[index...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            if let equals = bytes[index..<pairEnd].firstIndex(of: UInt8(ascii: "=")),
               bytes[index..<equals].elementsEqual(wanted) {
                var value = bytes[bytes.index(after: equals)..<pairEnd]
                while let last = value.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { value = value.dropLast() }
                if value.count >= 2, value.first == UInt8(ascii: "\""), value.last == UInt8(ascii: "\"") {
                    value = value.dropFirst().dropLast()
                }
                return String(Substring(value))
            }
            index = pairEnd == bytes.endIndex ? pairEnd : bytes.index(after: pairEnd)
        }
        return nil
    }
}
