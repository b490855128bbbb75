import Foundation
import PackagePlugin

/// Writes the git commit `lip` is built from into a Swift file of the `lip` target before every
/// build (`BuildCommit.hash`; "source" outside a git checkout, with "+changes" when the working
/// tree differs from it), so that `lip --version` names the commit of a build from source as of a
/// release. The file is rewritten only when its text changes, so an unchanged commit rebuilds
/// nothing.
@main
struct BuildCommitPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildCommit")
        let script = """
            set -u
            mkdir -p "$2"
            commit=$(git -C "$1" rev-parse HEAD 2>/dev/null) || commit=source
            if [ "$commit" != source ] && ! git -C "$1" diff --quiet HEAD -- Sources Package.swift 2>/dev/null; then commit="$commit+changes"; fi
            text="// Written by BuildCommitPlugin before each build.
            enum BuildCommit { static let hash = \\"$commit\\" }"
            [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" = "$text" ] || printf '%s\\n' "$text" > "$2/BuildCommit.swift"
            """
        return [
            .prebuildCommand(
                displayName: "BuildCommit: the git commit lip is built from", executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path], outputFilesDirectory: output)
        ]
    }
}
