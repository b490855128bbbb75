import ArgumentParser

/// What `lip poll export` writes.
enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case forum, csv, json, svg
}
