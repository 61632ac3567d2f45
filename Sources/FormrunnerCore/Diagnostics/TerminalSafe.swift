extension String {
    /// The text with control characters (C0 other than tab and newline, DEL and C1) replaced by `?`,
    /// so that text from definitions or users can never drive the terminal (escape sequences,
    /// carriage returns that overwrite a line, bells).
    public var terminalSafe: String {
        String(String.UnicodeScalarView(unicodeScalars.map { scalar in
            if scalar == "\t" || scalar == "\n" { return scalar }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return "?" }
            return scalar
        }))
    }
}
