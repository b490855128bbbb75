import Foundation

/// What is wrong with a path, in words (never an `NSCocoaErrorDomain` code).
package enum FileProblem {
    /// Why reading `url` failed with `error`: a folder, a dangling link, a missing file, no
    /// permission, or text that is not UTF-8.
    package static func describe(_ error: Error?, at url: URL) -> String {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return "is a folder, not a file" }
            if !fm.isReadableFile(atPath: url.path) { return "permission denied" }
            if let posix = (error as NSError?)?.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
                return String(cString: strerror(Int32(posix.code)))
            }
            return "not UTF-8 text"
        }
        if (try? fm.destinationOfSymbolicLink(atPath: url.path)) != nil { return "is a link to a file that does not exist" }
        return "no such file"
    }

    /// Why `url` cannot be written as a file: its place is a folder, or its folder is missing or read-only.
    package static func describeWrite(at url: URL) -> String {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue { return "is a folder, not a file" }
        let parent = url.deletingLastPathComponent()
        if fm.fileExists(atPath: parent.path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { return "\(parent.lastPathComponent) is a file, not a folder" }
            if !fm.isWritableFile(atPath: parent.path) { return "the folder \(parent.path) is not writable" }
        }
        return "cannot be written"
    }
}
