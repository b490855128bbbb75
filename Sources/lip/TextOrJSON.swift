import ArgumentParser

/// `--format text|json`.
enum TextOrJSON: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
