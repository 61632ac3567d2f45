import Foundation

/// Bar charts drawn on the server as inline SVG: no script, readable without styles (each bar has
/// a `<title>` with its figure, and the chart a `<title>` and a `<desc>` for screen readers).
struct SVGChart {
    /// One series of bars (a colour in the legend).
    struct Series {
        var name: String
        var values: [Int]
        /// A CSS colour.
        var color: String
    }

    var title: String
    /// The label under each group of bars.
    var labels: [String]
    var series: [Series]
    var width = 720
    var height = 240

    /// The chart as an `<svg>` element; grouped bars, one group per label, scaled to the largest value.
    var svg: String {
        let left = 40, bottom = 40, top = 16, right = 8
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = max(1, series.flatMap(\.values).max() ?? 0)
        let groups = max(1, labels.count)
        let groupWidth = Double(plotWidth) / Double(groups)
        let barWidth = max(1, groupWidth * 0.8 / Double(max(1, series.count)))
        let id = HTML.identifier(title)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>"
        let summary = series.map { "\($0.name): \($0.values.reduce(0, +))" }.joined(separator: "; ")
        out += "<desc id=\"\(id)-desc\">\(HTML.escape(summary))</desc>"
        out += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#555\"/>"
        out += "<text x=\"\(left - 4)\" y=\"\(top + 4)\" text-anchor=\"end\" font-size=\"10\">\(largest)</text>"
        out += "<text x=\"\(left - 4)\" y=\"\(top + plotHeight)\" text-anchor=\"end\" font-size=\"10\">0</text>"
        let step = max(1, Int((Double(groups) / (Double(plotWidth) / 40)).rounded(.up)))
        for (index, label) in labels.enumerated() {
            let x = Double(left) + groupWidth * Double(index) + groupWidth * 0.1
            for (position, serie) in series.enumerated() where index < serie.values.count {
                let value = serie.values[index]
                let barHeight = Double(plotHeight) * Double(value) / Double(largest)
                let barX = x + barWidth * Double(position)
                let barY = Double(top + plotHeight) - barHeight
                out += "<rect x=\"\(Self.number(barX))\" y=\"\(Self.number(barY))\" width=\"\(Self.number(barWidth))\" "
                    + "height=\"\(Self.number(barHeight))\" fill=\"\(HTML.escape(serie.color))\">"
                    + "<title>\(HTML.escape("\(label) — \(serie.name): \(value)"))</title></rect>"
            }
            if index % step == 0 {
                let middle = Double(left) + groupWidth * (Double(index) + 0.5)
                out += "<text x=\"\(Self.number(middle))\" y=\"\(top + plotHeight + 14)\" text-anchor=\"middle\" "
                    + "font-size=\"10\">\(HTML.escape(label))</text>"
            }
        }
        for (position, serie) in series.enumerated() {
            let x = left + position * 120
            out += "<rect x=\"\(x)\" y=\"\(height - 14)\" width=\"10\" height=\"10\" fill=\"\(HTML.escape(serie.color))\"/>"
            out += "<text x=\"\(x + 14)\" y=\"\(height - 5)\" font-size=\"11\">\(HTML.escape(serie.name))</text>"
        }
        return out + "</svg>"
    }

    /// A coordinate with at most one decimal.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
