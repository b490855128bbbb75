import ArgumentParser
import Foundation
import LIPKit

/// `--workspace DIR`, shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The workspace folder (default: $LIP_WORKSPACE, else the nearest folder upwards that has LIPs/).", valueName: "DIR"))
    var workspace: String?

    /// Finds the workspace.
    func locate() throws -> Workspace {
        try Workspace.locate(explicit: workspace, environment: ProcessInfo.processInfo.environment, from: currentDirectory)
    }

    /// The workspace, when there is one.
    func locateIfPresent() -> Workspace? { try? locate() }
}
