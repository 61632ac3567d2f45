import Hummingbird

extension Portal {
    /// The satisfaction survey pages (built on the survey model).
    func addSurveyRoutes(to router: Router<PortalContext>) {}
}
