import Foundation

extension BusinessCalendar {
    /// Western (Gregorian) Easter Sunday of `year`, by the anonymous Gregorian algorithm
    /// (Meeus/Jones/Butcher). Years before 1583 get the proleptic Gregorian answer.
    public static func easterSunday(year: Int) -> LocalDate {
        let y = Int64(year)
        let a = floorMod(y, 19)
        let b = floorDiv(y, 100)
        let c = floorMod(y, 100)
        let d = floorDiv(b, 4)
        let e = floorMod(b, 4)
        let f = floorDiv(b + 8, 25)
        let g = floorDiv(b - f + 1, 3)
        let h = floorMod(19 * a + b - d - g + 15, 30)
        let i = c / 4
        let k = c % 4
        let l = floorMod(32 + 2 * e + 2 * i - h - k, 7)
        let m = (a + 11 * h + 22 * l) / 451
        let n = h + l - 7 * m + 114
        return LocalDate(uncheckedYear: year, month: Int(n / 31), day: Int(n % 31 + 1))
    }
}
