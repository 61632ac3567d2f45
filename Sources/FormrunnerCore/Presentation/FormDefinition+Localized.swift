extension LocalizedText {
    /// This text in `language` only (English where it has no translation), for presentations that
    /// show one language: JSON, Markdown and text of `forms show --lang`.
    public func only(_ language: String) -> LocalizedText {
        LocalizedText(text(in: language))
    }
}

extension FormDefinition {
    /// The form with every text in `language` only (English where a text has no translation), so
    /// that its JSON, Markdown and text show one language.
    public func localized(_ language: String) -> FormDefinition {
        var copy = self
        copy.title = title.only(language)
        copy.description = description?.only(language)
        copy.fields = fields.map { $0.localized(language) }
        copy.items = items.map { item in
            if case .field(let field) = item { return .field(field.localized(language)) }
            return item
        }
        return copy
    }
}

extension FieldDefinition {
    /// The field with its label, help, placeholder and options in `language` only.
    public func localized(_ language: String) -> FieldDefinition {
        var copy = self
        copy.label = label.only(language)
        copy.help = help?.only(language)
        copy.placeholder = placeholder?.only(language)
        copy.options = options.map { option in
            var option = option
            option.label = option.label.only(language)
            option.help = option.help?.only(language)
            return option
        }
        return copy
    }
}
