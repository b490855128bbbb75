/// The version of `lip` and LIPKit.
public enum LIPKitVersion { public static let string = "0.1.0" }
