import ArgumentParser

/// `lip list --format table|json`.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}
