// swift-tools-version:6.0
import Foundation
import PackageDescription

/// LIP_STATIC_CMARK=1 (Scripts/release.sh): cmark-gfm's archives are linked into `lip`, so the
/// self-contained binary needs no libcmark-gfm where it runs (a GitHub runner has none).
let staticCmark = ProcessInfo.processInfo.environment["LIP_STATIC_CMARK"] == "1"

let package = Package(
    name: "lip",
    // macOS 15: the cost report's 128-bit products (UInt128) need it.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lip", targets: ["lip"]),
        .library(name: "LIPKit", targets: ["LIPKit"]),
    ],
    dependencies: [
        // The versions tested, pinned to their minor series (Package.resolved is not committed: the
        // package copies of the machine this was built on carry commit ids no public clone has).
        .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
        .package(url: "https://github.com/jpsim/Yams", .upToNextMinor(from: "6.2.2")),
        .package(url: "https://github.com/groue/GRDB.swift", .upToNextMinor(from: "7.10.0")),
        .package(url: "https://github.com/attaswift/BigInt", .upToNextMinor(from: "6.0.1")),
        .package(url: "https://github.com/apple/swift-crypto", .upToNextMinor(from: "3.12.3")),
        // Tests only: property tests with shrinking.
        .package(url: "https://github.com/x-sheep/swift-property-based", .upToNextMinor(from: "2.0.1")),
    ],
    targets: [
        .target(
            name: "LIPCore",
            dependencies: ["CMallocOptions", .product(name: "Yams", package: "Yams")]
        ),
        // glibc's allocator options (mallopt, in libc itself): ProcessMemory.
        .systemLibrary(name: "CMallocOptions"),
        .target(
            name: "LIPEthereum",
            dependencies: ["LIPCore", .product(name: "BigInt", package: "BigInt")]
        ),
        .target(
            name: "LIPDocuments",
            dependencies: ["LIPCore"]
        ),
        .target(
            name: "LIPLedger",
            dependencies: [
                "LIPCore", "LIPEthereum",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPTally",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPSync",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPLedger",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPGovernor",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPCosts",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPLedger",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPRecords",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger", "LIPTally", "LIPGovernor",
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        // cmark-gfm, the library GitHub renders markdown with: Debian's libcmark-gfm-dev and
        // libcmark-gfm-extensions-dev (.ci/run installs them).
        .systemLibrary(name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .target(
            name: "LIPSite",
            dependencies: [
                "CCmarkGFM", "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger", "LIPTally", "LIPGovernor", "LIPRecords", "LIPReports",
                .product(name: "BigInt", package: "BigInt"),
            ],
            linkerSettings: staticCmark ? [] : [.linkedLibrary("cmark-gfm-extensions"), .linkedLibrary("cmark-gfm")]),
        .target(
            name: "LIPTreasury",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPLedger", "LIPGovernor",
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPReports",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger", "LIPTally", "LIPGovernor", "LIPCosts", "LIPRecords", "LIPTreasury",
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .target(
            name: "LIPKit",
            dependencies: [
                "LIPCore", "LIPEthereum", "LIPDocuments", "LIPLedger", "LIPTally", "LIPSync", "LIPGovernor", "LIPCosts", "LIPRecords", "LIPTreasury", "LIPReports",
            ]
        ),
        // The git commit of a build, for `lip --version` (a prebuild command: /bin/sh and git).
        .plugin(name: "BuildCommitPlugin", capability: .buildTool()),
        .executableTarget(
            name: "lip",
            dependencies: [
                "LIPKit", "LIPSite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "BigInt", package: "BigInt"),
            ],
            linkerSettings: staticCmark ? [.unsafeFlags(["-Xlinker", "-l:libcmark-gfm-extensions.a", "-Xlinker", "-l:libcmark-gfm.a"])] : [],
            plugins: ["BuildCommitPlugin"]
        ),
        .executableTarget(
            name: "lip-dev",
            dependencies: ["LIPKit", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/lip-dev"
        ),
        .target(
            name: "LIPTestSupport",
            dependencies: ["LIPEthereum", "LIPDocuments", "LIPLedger", "LIPTally", .product(name: "BigInt", package: "BigInt")],
            path: "Tests/LIPTestSupport"
        ),
        // One test target per module, so that a change is tested where it lives.
        .testTarget(name: "LIPCoreTests", dependencies: ["LIPCore", "LIPTestSupport"]),
        .testTarget(name: "LIPEthereumTests", dependencies: ["LIPEthereum", "LIPTestSupport", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(name: "LIPDocumentsTests", dependencies: ["LIPDocuments", "LIPTestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LIPLedgerTests",
            dependencies: [
                "LIPLedger", "LIPEthereum", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"),
                // To build ledgers of an older schema, for the migrations' tests.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]),
        .testTarget(
            name: "LIPTallyTests",
            dependencies: [
                "LIPTally", "LIPLedger", "LIPEthereum", "LIPDocuments", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "LIPGovernorTests",
            dependencies: [
                "LIPGovernor", "LIPLedger", "LIPEthereum", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"), .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .testTarget(
            name: "LIPCostsTests",
            dependencies: ["LIPCosts", "LIPLedger", "LIPCore", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"), .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "LIPSyncTests", dependencies: ["LIPSync", "LIPLedger", "LIPEthereum", "LIPTestSupport", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(
            name: "LIPSiteTests",
            dependencies: [
                "LIPSite", "LIPReports", "LIPRecords", "LIPTally", "LIPGovernor", "LIPLedger", "LIPEthereum", .product(name: "BigInt", package: "BigInt"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "LIPTreasuryTests", dependencies: ["LIPTreasury", "LIPLedger", "LIPCore", "LIPEthereum", "LIPTestSupport", .product(name: "BigInt", package: "BigInt")]),
        .testTarget(
            name: "LIPRecordsTests",
            dependencies: [
                "LIPRecords", "LIPCore", "LIPTally", "LIPGovernor", "LIPLedger", "LIPEthereum", "LIPDocuments", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]),
        .testTarget(
            name: "LIPReportsTests",
            dependencies: [
                "LIPReports", "LIPRecords", "LIPTally", "LIPGovernor", "LIPLedger", "LIPEthereum", "LIPDocuments", "LIPTestSupport",
                .product(name: "BigInt", package: "BigInt"),
            ]),
        .testTarget(
            name: "lipTests",
            dependencies: ["LIPKit", "LIPSite", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"), .product(name: "Yams", package: "Yams")],
            // Fixtures/repository: the repository's workspace as the tests know it (read from the source tree).
            exclude: ["Fixtures"],
            resources: [.copy("Golden")]
        ),
    ]
)

// The library is split into modules by concern. Its own release builds (Scripts/release.sh, the
// benchmarks) optimize across them with LIP_CROSS_MODULE_OPTIMIZATION=1, so that a hot generic of
// one (an amount's digits, hex, JSON text) is specialized where another calls it: the tally of 10^6
// positions takes 0.58-0.59 s with it and 0.74 s without (docs/performance.md). It is an unsafe
// flag, which SwiftPM refuses in a package used as a versioned dependency: without the variable
// no target has one, and LIPKit can be depended on by tag.
if ProcessInfo.processInfo.environment["LIP_CROSS_MODULE_OPTIMIZATION"] == "1" {
    for target in package.targets where target.type != .test && target.type != .plugin && target.type != .system {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
    }
}
