import FormrunnerCore

/// The words an article is found by and a question searches with: folded like ticket search
/// (no case, accents or width), common words of the language dropped, the rest reduced to a stem,
/// so that "gerar", "gerando" and "gerado" meet, and "Fatura" finds "faturas".
public enum KnowledgeTerms {
    /// The stems of `text` in `language`, in order (repeats kept: they weigh in the ranking).
    public static func stems(of text: String, language: String) -> [String] {
        let stop = stopWords[language] ?? stopWords["en"]!
        return TicketSearch.allWords(in: text).compactMap { word in
            guard !stop.contains(word) else { return nil }
            return Stemmer.stem(word, language: language)
        }
    }

    /// Words too common to tell articles apart, folded (no accents).
    static let stopWords: [String: Set<String>] = [
        "en": ["a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if",
               "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our", "so", "that", "the", "their",
               "this", "to", "was", "we", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
               "there", "have", "has", "get", "need", "want", "please", "should", "would", "could", "about", "not", "no"],
        "pt": ["a", "as", "o", "os", "um", "uma", "uns", "umas", "de", "da", "das", "do", "dos", "e", "em", "na", "nas",
               "no", "nos", "para", "pra", "por", "pelo", "pela", "com", "como", "que", "qual", "quais", "quando", "onde",
               "meu", "minha", "meus", "minhas", "seu", "sua", "eu", "voce", "se", "ao", "aos", "ou", "mais", "ja",
               "e", "esta", "estou", "ser", "tem", "ter", "preciso", "posso", "quero", "isso", "este", "esse", "essa",
               "nao", "sim", "porque", "por que", "sobre", "me", "ele", "ela", "foi", "sao"],
        "es": ["a", "al", "el", "la", "las", "lo", "los", "un", "una", "unos", "unas", "de", "del", "y", "e", "en",
               "para", "por", "con", "como", "que", "cual", "cuales", "cuando", "donde", "mi", "mis", "su", "sus",
               "yo", "usted", "se", "o", "u", "mas", "ya", "es", "esta", "estoy", "ser", "tiene", "tengo", "necesito",
               "puedo", "quiero", "eso", "este", "esto", "ese", "esa", "no", "si", "porque", "sobre", "me", "el", "ella",
               "fue", "son", "hay", "hacer"],
    ]
}
