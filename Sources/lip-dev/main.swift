import Foundation

// Developer tools for `lip`: benchmarks and sample data. Not part of the shipped CLI.
//   lip-dev bench-lint      lint 1,000 and 5,000 generated LIPs; files/s and peak memory
//   lip-dev bench-import    import a 1,000,000-account snapshot, against sqlite3's .import
//   lip-dev bench-tally     tally polls over 10^4, 10^5 and 10^6 positions
//   lip-dev sample DIR      write the sample poll data that Polls/ ships
let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "bench-lint": benchLint()
case "bench-import": benchImport()
default:
    FileHandle.standardError.write(Data("usage: lip-dev bench-lint | bench-import | bench-tally | sample DIR\n".utf8))
    exit(2)
}
