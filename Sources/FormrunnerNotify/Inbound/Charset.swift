import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text part or an encoded-word into a string, by the charset it declares.
///
/// UTF-8 and US-ASCII are read directly; every other IANA charset is converted by the C library's
/// `iconv` (ISO-2022-JP, Shift_JIS, EUC-KR, GB2312/GBK, Big5, Windows-125x, KOI8-R, UTF-7…), with
/// the names mailers use mapped to their supersets (`gb2312` → GB18030, `ks_c_5601-1987` and
/// `euc-kr` → CP949, `shift_jis` → CP932, `big5` → CP950, `iso-8859-1` → Windows-1252 as browsers do).
///
/// **No byte is lost.** Without a charset, or with one iconv does not know, the bytes are read as
/// UTF-8 when valid and as Windows-1252 otherwise. A byte that is invalid in the declared charset is
/// kept as the Windows-1252 (or Latin-1) character of that byte, and the conversion goes on after it.
enum Charset {
    /// `bytes` decoded as `name`.
    static func decode(_ bytes: [UInt8], name: String?) -> String {
        let label = canonical(name)
        if label == nil || label == "UTF-8" {
            if let text = String(validatingUTF8Bytes: bytes) { return text }
            if label == "UTF-8" { return lenientUTF8(bytes) }
            return singleBytes(bytes)
        }
        if bytes.allSatisfy({ $0 < 0x80 }) && label != "UTF-7" && !(label ?? "").hasPrefix("UTF-16")
            && !(label ?? "").hasPrefix("UTF-32") && !(label ?? "").hasPrefix("ISO-2022") {
            return String(decoding: bytes, as: UTF8.self)
        }
        if let label, let text = convert(bytes, from: label) { return text }
        if let text = String(validatingUTF8Bytes: bytes) { return text }
        return singleBytes(bytes)
    }

    /// The iconv name for a charset label, or `nil` for none.
    static func canonical(_ name: String?) -> String? {
        guard let raw = name?.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased(), !raw.isEmpty else {
            return nil
        }
        switch raw {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "default", "unknown-8bit", "x-unknown":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1", "cp819", "windows-1252", "cp1252",
             "x-cp1252":
            return "CP1252"
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9": return "ISO-8859-15"
        case "gb2312", "gbk", "x-gbk", "cp936", "euc-cn", "x-euc-cn", "gb_2312-80", "chinese", "csgb2312": return "GB18030"
        case "ks_c_5601-1987", "ks_c_5601", "ksc5601", "euc-kr", "x-euc-kr", "cp949", "windows-949", "korean": return "CP949"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "cp932", "csshiftjis": return "CP932"
        case "big5", "x-big5", "cn-big5", "cp950", "csbig5": return "CP950"
        case "big5-hkscs": return "BIG5-HKSCS"
        case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2": return "ISO-2022-JP-2"
        case "iso-8859-8-i", "iso-8859-8-e": return "ISO-8859-8"
        case "iso-8859-6-i", "iso-8859-6-e": return "ISO-8859-6"
        case "utf-7", "x-utf-7", "unicode-1-1-utf-7": return "UTF-7"
        case "tis-620", "windows-874", "cp874", "iso-8859-11": return "CP874"
        default:
            if raw.hasPrefix("windows-"), let number = Int(raw.dropFirst("windows-".count)) { return "CP\(number)" }
            if raw.hasPrefix("x-mac-") { return "MAC" + raw.dropFirst("x-mac-".count).uppercased() }
            return raw.uppercased()
        }
    }

    /// The bytes converted by iconv from `label`; `nil` when iconv does not know the charset.
    /// Invalid or truncated sequences are kept byte by byte as Windows-1252 characters.
    private static func convert(_ bytes: [UInt8], from label: String) -> String? {
        let converter = iconv_open("UTF-8", label)
        if converter == UnsafeMutableRawPointer(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8]()
        output.reserveCapacity(bytes.count * 2)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        let total = input.count
        var consumed = 0
        input.withUnsafeMutableBufferPointer { source in
            while consumed < total {
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(source.baseAddress! + consumed)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = total - consumed
                let result: Int = buffer.withUnsafeMutableBufferPointer { target in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = target.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let code = status == -1 ? Int(errno) : 0
                    output.append(contentsOf: target[0..<(target.count - outLeft)])
                    return code
                }
                consumed = total - inLeft
                if result == 0 { break }
                if result == Int(E2BIG) { continue }
                // EILSEQ or EINVAL: keep the offending byte, reset the state, go on after it.
                output.append(contentsOf: Array(singleBytes([source[consumed]]).utf8))
                consumed += 1
                _ = iconv(converter, nil, nil, nil, nil)
            }
        }
        // Flush a stateful encoding's shift back to its initial state.
        buffer.withUnsafeMutableBufferPointer { target in
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress!).assumingMemoryBound(to: CChar.self)
            var outLeft = target.count
            _ = iconv(converter, nil, nil, &outPointer, &outLeft)
            output.append(contentsOf: target[0..<(target.count - outLeft)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Valid UTF-8 runs kept; each invalid byte kept as its Windows-1252 character.
    private static func lenientUTF8(_ bytes: [UInt8]) -> String {
        var output = ""
        var start = 0
        var index = 0
        while index < bytes.count {
            let length = utf8Length(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            output += String(decoding: bytes[start..<index], as: UTF8.self)
            output += singleBytes([bytes[index]])
            index += 1
            start = index
        }
        return output + String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0.
    private static func utf8Length(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
        guard length > 0, index + length <= bytes.count else { return 0 }
        return String(validatingUTF8Bytes: Array(bytes[index..<index + length])) == nil ? 0 : length
    }

    /// Every byte as one character: Windows-1252, with its five undefined bytes read as Latin-1.
    static func singleBytes(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let value = windows1252High[Int(byte - 0x80)], let scalar = Unicode.Scalar(value) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]
}

extension String {
    /// The bytes as UTF-8, or `nil` when they are not valid UTF-8.
    init?(validatingUTF8Bytes bytes: some Collection<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        self = text
    }
}
