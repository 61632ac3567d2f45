/// One key press, decoded from the bytes a terminal sends in raw mode.
enum Key: Equatable {
    /// A printable character.
    case character(Character)
    case enter, backspace, delete, tab, escape
    case up, down, left, right, home, end, pageUp, pageDown
    /// Ctrl-C (byte 0x03), or SIGINT while waiting.
    case interrupt
    /// Ctrl-D (byte 0x04).
    case endOfTransmission
    /// Ctrl-U: erase the line.
    case eraseLine
    /// Ctrl-W: erase the word before the cursor.
    case eraseWord
    /// Anything else (function keys, Alt combinations, other control bytes).
    case unknown
}
