/// The stable code of each kind of diagnostic (`FR0201`), shown with every message and documented,
/// with an example and its fix, in `docs/diagnostics.md`.
///
/// A code names a *kind* of problem, not one message: messages may be reworded, codes never change
/// meaning and are never reused. The hundreds say where a problem is found: 01 reading the file,
/// 02 the shape of any document, 03 forms and fields, 04 conditions, 05 entry flows, 06 life cycles
/// and calendars, 07 references between documents, 08 the desk's configuration, teams and
/// priorities, 09 translations, 10 e-mail templates, macros and the knowledge base, 11 definition
/// tests (`*.test.yaml`, read by `formrunner test`).
public enum DiagnosticCode: String, CaseIterable, Sendable, Codable, Hashable {
    // 01: reading the file
    case yamlSyntax = "FR0101"
    case encoding = "FR0102"
    case tabIndentation = "FR0103"
    case fileLimit = "FR0104"
    case duplicateKey = "FR0105"
    case aliasOrTag = "FR0106"
    case documentShape = "FR0107"

    // 02: the shape of any document
    case unknownKey = "FR0201"
    case missingKey = "FR0202"
    case wrongKind = "FR0203"
    case invalidValue = "FR0204"
    case outOfRange = "FR0205"
    case leadingZero = "FR0206"
    case yaml11Boolean = "FR0207"
    case emptyValue = "FR0208"
    case invalidID = "FR0209"
    case unknownKeyword = "FR0210"
    case unknownLanguage = "FR0211"
    case missingEnglish = "FR0212"
    case unknownDocumentKind = "FR0213"
    case duplicateID = "FR0214"
    case minAboveMax = "FR0215"

    // 03: forms and fields
    case unknownFieldType = "FR0301"
    case keyNotForType = "FR0302"
    case missingOptions = "FR0303"
    case defaultNotAnOption = "FR0304"
    case tooManyFields = "FR0305"
    case groupCycle = "FR0306"
    case contradictoryKeys = "FR0307"
    case unsafePattern = "FR0308"
    case unsatisfiable = "FR0309"
    case groupShape = "FR0310"

    // 04: conditions
    case conditionSyntax = "FR0401"
    case conditionType = "FR0402"
    case conditionLaterField = "FR0403"
    case requiredButHidden = "FR0404"
    case ruleField = "FR0405"

    // 05: entry flows
    case submitStep = "FR0501"
    case formStep = "FR0502"
    case stepRule = "FR0503"
    case lifecycleMismatch = "FR0504"

    // 06: life cycles and calendars
    case finalStatus = "FR0601"
    case duplicateEvent = "FR0602"
    case timerRule = "FR0603"
    case missingCalendar = "FR0604"
    case unreachableStatus = "FR0605"
    case notifyRule = "FR0606"
    case noWorkingTime = "FR0607"
    case unknownTimeZone = "FR0608"
    case workingHours = "FR0609"
    case holiday = "FR0610"

    // 07: references between documents
    case unknownReference = "FR0701"
    case unknownTemplate = "FR0702"
    case linkOutsideCatalog = "FR0703"
    case unreadableFile = "FR0704"

    // 08: the desk's configuration, teams and priorities
    case configurationValue = "FR0801"
    case notifierSetting = "FR0802"
    case priorityRule = "FR0803"

    // 09: translations
    case missingTranslation = "FR0901"
    case missingTemplateTranslation = "FR0902"

    // 10: e-mail templates, macros and the knowledge base
    case emailTemplate = "FR1001"
    case macroBody = "FR1002"
    case knowledgeArticle = "FR1003"

    // 11: definition tests (`*.test.yaml`)
    case testPlacement = "FR1101"
    case testEvent = "FR1102"

    /// A one-line summary of the kind of problem, for `docs/diagnostics.md` and SARIF's rule list.
    public var summary: String {
        switch self {
        case .yamlSyntax: return "The file is not valid YAML."
        case .encoding: return "The file is not UTF-8 text."
        case .tabIndentation: return "A line is indented with a tab."
        case .fileLimit: return "The file is too large, nested too deep or holds too many values."
        case .duplicateKey: return "A mapping has the same key twice."
        case .aliasOrTag: return "The file uses a YAML anchor, alias or tag."
        case .documentShape: return "The file is empty, holds several documents or uses a non-text key."
        case .unknownKey: return "A key the language does not have here."
        case .missingKey: return "A required key is missing or has no value."
        case .wrongKind: return "A value is a mapping, list or text where another kind is expected."
        case .invalidValue: return "A value is not of the form the key expects."
        case .outOfRange: return "A number is outside the range the key allows."
        case .leadingZero: return "A number is written with a leading zero."
        case .yaml11Boolean: return "A YAML 1.1 boolean word (yes, no, on, off) where true or false is expected."
        case .emptyValue: return "A text is empty."
        case .invalidID: return "An id uses characters ids cannot have."
        case .unknownKeyword: return "A word that is not one of the key's allowed values."
        case .unknownLanguage: return "A translation in a language formrunner does not support."
        case .missingEnglish: return "A text has translations but no English."
        case .unknownDocumentKind: return "A file's first key does not say what it defines."
        case .duplicateID: return "Two definitions share an id."
        case .minAboveMax: return "A lower bound is above its upper bound."
        case .unknownFieldType: return "A field type the language does not have."
        case .keyNotForType: return "A key that does not apply to the field's type."
        case .missingOptions: return "A choice or multichoice field without options."
        case .defaultNotAnOption: return "A default that is not one of the field's options."
        case .tooManyFields: return "A form has too many fields once its groups are expanded."
        case .groupCycle: return "A field group includes itself."
        case .contradictoryKeys: return "Keys that contradict each other, or a key without the one it goes with."
        case .unsafePattern: return "A pattern that is not a regular expression or could take exponential time."
        case .unsatisfiable: return "Constraints of a field that no answer can satisfy together."
        case .groupShape: return "A field group holds what a group cannot: another group, or a field of a type items cannot have."
        case .conditionSyntax: return "A condition cannot be read."
        case .conditionType: return "A condition uses a field or value in a way its type does not allow."
        case .conditionLaterField: return "A condition uses a field asked after it."
        case .requiredButHidden: return "A field is required but its condition can hide it."
        case .ruleField: return "A form rule without a question to show its message at."
        case .submitStep: return "An entry flow without exactly one submit step, last."
        case .formStep: return "An entry flow without exactly one form or subject step."
        case .stepRule: return "A step's keys contradict each other or miss one the step needs."
        case .lifecycleMismatch: return "A form and its entry flow name different life cycles."
        case .finalStatus: return "A final status is left by a transition, or is the initial status."
        case .duplicateEvent: return "The same event is defined twice from one status."
        case .timerRule: return "A timer that is not fired by the system or never moves the ticket."
        case .missingCalendar: return "Working hours are counted without a calendar."
        case .unreachableStatus: return "A status no transition leads to."
        case .notifyRule: return "A notification to a recipient that cannot receive one."
        case .noWorkingTime: return "A calendar without any working time."
        case .unknownTimeZone: return "A time zone that is not an IANA name."
        case .workingHours: return "Working hours that cannot be read or overlap."
        case .holiday: return "A holiday that is not one of date, every or easter."
        case .unknownReference: return "A reference to a definition the catalog does not have."
        case .unknownTemplate: return "A notification names an e-mail template that does not exist."
        case .linkOutsideCatalog: return "A symbolic link that leads out of the catalog."
        case .unreadableFile: return "A file or folder that cannot be read."
        case .configurationValue: return "A setting of formrunner.yaml has a value it cannot take."
        case .notifierSetting: return "A notifier's settings do not fit its kind."
        case .priorityRule: return "A priority, target or rule that cannot work."
        case .missingTranslation: return "A text lacks a language formrunner.yaml declares."
        case .missingTemplateTranslation: return "An e-mail template lacks a language formrunner.yaml declares."
        case .emailTemplate: return "An e-mail template that cannot be rendered (subject, Mustache, unknown variable)."
        case .macroBody: return "A macro's body that cannot be rendered (Mustache, unknown variable)."
        case .knowledgeArticle: return "A knowledge-base article with a problem (front matter, links, ids)."
        case .testPlacement: return "An expectation or event of a definition test written where it cannot apply."
        case .testEvent: return "An event of a definition test out of order, or without the actor it needs."
        }
    }
}
