import Testing
@testable import formrunner

/// Global options written before the subcommand are moved after its name, where commands take them.
@Suite struct LeadingGlobalOptionsTests {
    @Test func optionsBeforeANestedSubcommandFollowItsName() {
        let arguments = ["--catalog", "/srv/desk", "--desk-address=Acme <s@x>", "mail", "ingest", "-"]
        #expect(LeadingGlobalOptions.reordered(arguments, root: Formrunner.self)
            == ["mail", "ingest", "--catalog", "/srv/desk", "--desk-address=Acme <s@x>", "-"])
    }

    @Test func argumentsWithoutLeadingGlobalOptionsAreLeftAsTheyAre() {
        let arguments = ["tickets", "show", "1", "--catalog", "x"]
        #expect(LeadingGlobalOptions.reordered(arguments, root: Formrunner.self) == arguments)
        #expect(LeadingGlobalOptions.reordered(["--help"], root: Formrunner.self) == ["--help"])
    }

    @Test func anOptionOnlyTheSubcommandKnowsStopsTheMove() {
        // `--user` is not global: what follows it is the subcommand's business, so nothing moves
        // past it and ArgumentParser reports the unknown option as before.
        let arguments = ["--store", "memory:", "--user", "a@b", "queue"]
        #expect(LeadingGlobalOptions.reordered(arguments, root: Formrunner.self) == ["--store", "memory:", "--user", "a@b", "queue"])
    }
}
