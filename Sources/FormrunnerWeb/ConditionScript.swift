// TEMPORARY stand-in until the jsconditions branch lands.
enum ConditionScript {
    static let source = "/* conditions */"
}
