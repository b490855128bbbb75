import Foundation
import LIPKit

// Developer tools for `lip`: benchmarks and sample data. Not part of the shipped CLI.
//   lip-dev bench-lint      lint 1,000 and 5,000 generated LIPs; files/s and peak memory
//   lip-dev bench-import    import 300,000- and 1,000,000-account snapshots, against sqlite3's .import
//   lip-dev bench-tally     tally polls over 10^4, 10^5 and 10^6 positions (l2 and l1+l2)
//   lip-dev bench-logs      import 10^5 and 10^6 vote logs: logs/s and peak memory
//   lip-dev bench-sync [N…]  sync a poll of N voters from the devnet; wall time and HTTP round trips
//   lip-dev sample [ROOT]   write the sample poll of LIP-120 that Polls/LIP-120 ships
//   lip-dev sample-costs GAS DIR  write the cost sample that Costs/sample ships, from a devnet rehearsal's gas.csv
//   lip-dev bench-costs     a cost report over 300,000 price samples per chain and 50 operations
//   lip-dev bench-records   lip voter and lip turnout over 100 polls and 100 proposals of 10,000 voters
//   lip-dev bench-site [LIPS]  lip site over a LIPs clone (default: three LIPs it writes) and the records ledger
//   --smoke                 (with any bench-*) once, at a small size: that it runs, not how fast
let args = Array(CommandLine.arguments.dropFirst()).filter { $0 != "--smoke" }
switch args.first {
case "bench-lint": benchLint()
case "bench-import": benchImport()
case "bench-tally": benchTally()
case "bench-logs": benchLogs()
case "bench-sync": benchSync(sizes: args.count > 1 ? args.dropFirst().compactMap { Int($0) } : sizes([100, 1_000, 10_000], smoke: 20))
case "sample":
    let root = URL(fileURLWithPath: args.count > 1 ? args[1] : FileManager.default.currentDirectoryPath)
    let workspace = Workspace(root: root)
    let dir = workspace.pollDirectory(lip: 120)
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    do { try writeSample(to: dir, workspace: workspace) } catch { FileHandle.standardError.write(Data("\(error)\n".utf8)); exit(2) }
case "sample-costs" where args.count == 3:
    do { try writeCostSample(gas: URL(fileURLWithPath: args[1]), to: URL(fileURLWithPath: args[2])) } catch {
        FileHandle.standardError.write(Data("\(error)\n".utf8))
        exit(2)
    }
case "bench-costs": benchCosts()
case "bench-records": benchRecords()
case "bench-site": benchSite(lips: args.count > 1 ? args[1] : nil)
default:
    FileHandle.standardError.write(
        Data(
            "usage: lip-dev bench-lint | bench-import | bench-tally | bench-logs | bench-sync [N...] | sample DIR | sample-costs GAS DIR | bench-costs | bench-records | bench-site [LIPS]\n"
                .utf8))
    exit(2)
}
