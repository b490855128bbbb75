// The git commit `lip` was built from. Scripts/release.sh writes the commit here while it builds
// a release, and puts this file back afterwards; a build from source says "source".
/// The commit of this build.
public enum LIPKitBuild {
    /// The commit hash, or "source".
    public static let commit = "source"
}
