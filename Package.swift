// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lip",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lip", targets: ["lip"]),
        .library(name: "LIPKit", targets: ["LIPKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .target(
            name: "LIPCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "LIPDocuments",
            dependencies: ["LIPCore"]
        ),
        .target(
            name: "LIPLedger",
            dependencies: [
                "LIPCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPTally",
            dependencies: [
                "LIPCore", "LIPDocuments", "LIPLedger",
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPSync",
            dependencies: [
                "LIPCore", "LIPLedger",
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPGovernor",
            dependencies: [
                "LIPCore", "LIPDocuments", "LIPLedger", "LIPTally",
                .product(name: "Yams", package: "Yams"),
                .product(name: "BigInt", package: "BigInt"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "LIPKit",
            dependencies: ["LIPCore", "LIPDocuments", "LIPLedger", "LIPTally", "LIPSync", "LIPGovernor"]
        ),
        .executableTarget(
            name: "lip",
            dependencies: [
                "LIPKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "BigInt", package: "BigInt"),
            ]
        ),
        .executableTarget(
            name: "lip-dev",
            dependencies: ["LIPKit", .product(name: "BigInt", package: "BigInt")],
            path: "Sources/lip-dev"
        ),
        .target(
            name: "LIPTestSupport",
            dependencies: ["LIPLedger", .product(name: "BigInt", package: "BigInt")],
            path: "Tests/LIPTestSupport"
        ),
        .testTarget(
            name: "LIPKitTests",
            dependencies: [
                "LIPKit", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"),
                // To build ledgers of an older schema, for the migrations' tests.
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "lipTests",
            dependencies: ["LIPKit", "LIPTestSupport", .product(name: "BigInt", package: "BigInt"), .product(name: "Yams", package: "Yams")],
            resources: [.copy("Golden")]
        ),
    ]
)
