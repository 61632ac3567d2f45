import Foundation
import Testing

/// `formrunner import surveyjs` on `Tests/Fixtures/importers/customer-survey.json`, a survey with
/// every SurveyJS element type.
extension ImportCommandTests {
    static let surveyReport = """
    Tests/Fixtures/importers/customer-survey.json:2: survey: not carried over: the de text of its title (formrunner speaks en, pt and es)
    Tests/Fixtures/importers/customer-survey.json:6: survey: not carried over: completedHtml, the page shown at the end (a ticket's confirmation e-mail says what comes next)
    Tests/Fixtures/importers/customer-survey.json:7: survey: not carried over: triggers (formrunner's life cycles act on tickets, not on answers being typed)
    Tests/Fixtures/importers/customer-survey.json:8: survey: not carried over: calculatedValues (formrunner asks questions and computes nothing)
    Tests/Fixtures/importers/customer-survey.json:19: element 'email' (type text): not carried over: the message of its email validator, 'Please enter a valid e-mail' (formrunner gives its own)
    Tests/Fixtures/importers/customer-survey.json:23: element 'age' (type text): not carried over: the message of its numeric validator, 'Adults only' (formrunner gives its own)
    Tests/Fixtures/importers/customer-survey.json:27: element 'favourite colour' (type text): not carried over: inputType 'color' (asked as plain text)
    Tests/Fixtures/importers/customer-survey.json:28: element 'nickname' (type text): not carried over: visibleIf '{subscribe} = true' (it reads '{subscribe}', which is not a question imported before it); the field is always shown
    Tests/Fixtures/importers/customer-survey.json:28: element 'nickname' (type text): not carried over: requiredIf '{age} * 2 > 40' (arithmetic ('*') has no formrunner equivalent); the field stays optional
    Tests/Fixtures/importers/customer-survey.json:43: element 'why' (type comment): not carried over: correctAnswer (formrunner does not score answers)
    Tests/Fixtures/importers/customer-survey.json:45: element 'satisfied' (type radiogroup): not carried over: choicesOrder 'random' (options are shown in the order written)
    Tests/Fixtures/importers/customer-survey.json:47: element 'channels' (type checkbox): not carried over: visibleIf of choice 'store' (an option is always offered)
    Tests/Fixtures/importers/customer-survey.json:48: element 'channels' (type checkbox): not carried over: showSelectAllItem, the 'Select all' item
    Tests/Fixtures/importers/customer-survey.json:48: element 'channels' (type checkbox): not carried over: showNoneItem: 'None' does not clear the other boxes
    Tests/Fixtures/importers/customer-survey.json:50: element 'topics' (type tagbox): not carried over: choicesByUrl (an option list is written in the form, or shared as an option_list)
    Tests/Fixtures/importers/customer-survey.json:50: element 'topics' (type tagbox): not carried over: it has no choices written in the survey; it is asked as text
    Tests/Fixtures/importers/customer-survey.json:51: element 'subscribe' (type boolean): not carried over: labelTrue 'Sure' (the answers are shown as yes and no)
    Tests/Fixtures/importers/customer-survey.json:51: element 'subscribe' (type boolean): not carried over: labelFalse 'No thanks' (the answers are shown as yes and no)
    Tests/Fixtures/importers/customer-survey.json:54: element 'store name' (type text): not carried over: enableIf disables rather than hides; the field is hidden while '{age} > 20' does not hold
    Tests/Fixtures/importers/customer-survey.json:56: element 'older' (type text): not carried over: visibleIf 'age({birthday}) > 30' (the function 'age()' has no formrunner equivalent); the field is always shown
    Tests/Fixtures/importers/customer-survey.json:58: element 'design' (type imagepicker): not carried over: the image of choice 'lion' (the choice is shown by its text)
    Tests/Fixtures/importers/customer-survey.json:58: element 'design' (type imagepicker): not carried over: the image of choice 'cat' (the choice is shown by its text)
    Tests/Fixtures/importers/customer-survey.json:59: element 'priorities' (type ranking): not carried over: formrunner keeps no order of choices
    Tests/Fixtures/importers/customer-survey.json:60: element 'score' (type expression): not carried over: a computed value; formrunner asks questions and computes nothing
    Tests/Fixtures/importers/customer-survey.json:61: element 'banner' (type image): not carried over: formrunner shows no images between questions
    Tests/Fixtures/importers/customer-survey.json:67: element 'tracking' (type text): not carried over: its expression validator (no formrunner rule of that kind for a text field)
    Tests/Fixtures/importers/customer-survey.json:70: element 'quality' (type matrix): not carried over: a grid of rows and columns has no formrunner equivalent
    Tests/Fixtures/importers/customer-survey.json:71: element 'products' (type matrixdropdown): not carried over: a grid of questions per row has no formrunner equivalent
    Tests/Fixtures/importers/customer-survey.json:72: element 'family' (type matrixdynamic): not carried over: a table whose rows the requester adds has no formrunner equivalent
    Tests/Fixtures/importers/customer-survey.json:73: element 'address' (type multipletext): not carried over: several text boxes under one question; ask them as separate text fields
    Tests/Fixtures/importers/customer-survey.json:74: element 'children' (type paneldynamic): not carried over: a panel the requester repeats has no formrunner equivalent
    Tests/Fixtures/importers/customer-survey.json:75: element 'signature' (type signaturepad): not carried over: formrunner takes no drawn signature
    Tests/Fixtures/importers/customer-survey.json:76: element 'hidden' (type text): not carried over: visible: false, a question never shown

    """

    @Test("a survey with every SurveyJS element becomes the golden form, and the report lists each loss with its line")
    func survey() throws {
        let result = try run(["surveyjs", Self.folder + "/customer-survey.json"])
        #expect(result.status == 0)
        try expectGolden(result.stdout, "customer-survey.expected.yaml")
        #expect(result.stderr == Self.surveyReport
                + "imported form 'customer-feedback': 28 questions, 1 note; 33 things not carried over (above)\n")
    }

    @Test("--check loads the imported survey with the catalog and passes it: its conditions, sections and rules type-check")
    func surveyChecked() throws {
        let result = try run(["surveyjs", Self.folder + "/customer-survey.json", "--check", "--team", "commercial"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("error:"))
        #expect(result.stderr.hasSuffix("; checked as Forms/imported/customer-feedback.yaml: valid\n"))
    }

    @Test("the imported survey files tickets: its requiredIf rule and visibleIf conditions hold through tickets create")
    func surveyFilesTickets() throws {
        try withFolder { folder in
            try CommandRunner.withCatalogCopy { catalog in
                let form = catalog + "/Forms/commercial/feedback.yaml"
                let imported = try run(["surveyjs", Self.folder + "/customer-survey.json", "--team", "commercial", "-o", form, "--check",
                                        "--catalog", catalog])
                #expect(imported.status == 0, "\(imported.stderr)")
                let answers = folder + "/answers.json"
                try Data(#"{"full_name": "Ana Lima", "email": "ana@example.com", "contact": "phone", "nps": "9", "order": "ORD-123456"}"#.utf8)
                    .write(to: URL(fileURLWithPath: answers))
                let refused = try CommandRunner.run(["tickets", "create", "--form", "customer-feedback", "--answers", answers,
                                                     "--requester", "ana@example.com", "--catalog", catalog, "--store", "memory:",
                                                     "--notifier", "none"])
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("phone: 'Phone' is required here"), "\(refused.stderr)")
            }
        }
    }

    @Test("a file that is not a survey is refused with its place and the reason, exit 1", arguments: [
        ("not-a-survey.json", """
        Tests/Fixtures/importers/not-a-survey.json:1:1: error: not a SurveyJS survey: expected an object with 'pages' or 'elements', found an object with neither
         1 | {"name": "x", "fields": []}
           | ^

        """),
        ("bad-syntax.json", """
        Tests/Fixtures/importers/bad-syntax.json:4:23: error: malformed JSON: expected ',' or '}' after a member, found '"'
         4 |       {"type": "text" "name": "q1"}
           |                       ^

        """),
    ])
    func badSurvey(_ name: String, _ expected: String) throws {
        let result = try run(["surveyjs", Self.folder + "/" + name])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == expected + "formrunner: nothing was imported from '\(Self.folder)/\(name)'\n")
    }
}
