import Foundation

extension Character {
    /// Whether this is one of the ASCII digits 0-9.
    package var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// Decodes UTF-8, returning nil for invalid input instead of repairing it.
    package init?(validatingUTF8Data data: Data) {
        guard let s = String(data: data, encoding: .utf8) else { return nil }
        self = s
    }
}
