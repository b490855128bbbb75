import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The time and peak memory of one child process.
struct Measurement {
    var seconds: Double
    var peakMemoryMB: Double
    var exitCode: Int32
}

/// Runs `executable` with `arguments`, output discarded, and measures it with wait4. The peak
/// memory comes from GNU time (`/usr/bin/time -f %M`) when the machine has it: a child that
/// posix_spawn starts inherits the high-water mark of lip-dev's own memory at exec, so wait4's
/// figure can be lip-dev's size rather than the command's.
/// With `output`, standard output goes to that file (a report written as a user writes it).
func measure(_ executable: String, _ arguments: [String], environment: [String: String] = [:], output: String? = nil, errors: String? = nil) -> Measurement {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { return spawnAndWait(executable, arguments, environment: environment, output: output, errors: errors) }
    let report = FileManager.default.temporaryDirectory.appendingPathComponent("lip-dev-time-\(getpid())").path
    defer { try? FileManager.default.removeItem(atPath: report) }
    var m = spawnAndWait(time, ["-q", "-f", "%M", "-o", report, executable] + arguments, environment: environment, output: output, errors: errors)
    if let text = try? String(contentsOfFile: report, encoding: .utf8), let kb = Double(text.split(separator: "\n").last.map(String.init) ?? "") {
        m.peakMemoryMB = kb / 1024
    }
    return m
}

/// `--smoke`: every benchmark runs once at a small size, to prove it still runs (.ci/run); its
/// figures mean nothing and are not compared with any target.
let smoke = CommandLine.arguments.contains("--smoke")

/// The sizes a benchmark measures: `full`, or `small` alone in a smoke run.
func sizes(_ full: [Int], smoke small: Int) -> [Int] { smoke ? [small] : full }

/// Runs per figure: 3 (the fastest kept), 1 in a smoke run.
var runsPerFigure: Int { smoke ? 1 : 3 }

/// The fastest of `runs` measurements (and the largest peak memory among them): this machine's
/// runs vary by 10-20%, and the fastest run is the one least disturbed by everything else on it.
/// `prepare` runs before each, untimed (to start from the same state).
func fastest(of runs: Int, prepare: () -> Void = {}, _ run: () -> Measurement) -> Measurement {
    var best: Measurement?
    for _ in 0..<runs {
        prepare()
        let m = run()
        guard m.exitCode == 0 else { return m }
        best = best.map { Measurement(seconds: min($0.seconds, m.seconds), peakMemoryMB: max($0.peakMemoryMB, m.peakMemoryMB), exitCode: 0) } ?? m
    }
    return best!
}

/// posix_spawn and wait4: the time, wait4's peak memory and the exit code.
private func spawnAndWait(_ executable: String, _ arguments: [String], environment: [String: String], output: String? = nil, errors: String? = nil) -> Measurement {
    var pid: pid_t = 0
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errors ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    var env = ProcessInfo.processInfo.environment
    env["LIP_WORKSPACE"] = benchmarkWorkspace
    for (k, v) in environment { env[k] = v }
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let start = DispatchTime.now()
    let rc = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard rc == 0 else { fatalError("cannot start \(executable): \(String(cString: strerror(rc)))") }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    argv.forEach { free($0) }
    envp.forEach { free($0) }
    posix_spawn_file_actions_destroy(&actions)
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Measurement(seconds: seconds, peakMemoryMB: Double(usage.ru_maxrss) / 1024, exitCode: code)
}

/// The built `lip` next to this executable.
var lipExecutable: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("lip").path
}

/// The workspace of every measured process (`LIP_WORKSPACE`, unless it is given `--workspace`):
/// the benchmarks' own, an empty `LIPs/`, never the one lip-dev was started in. That is often
/// this repository, whose `LIPs/` and `Polls/` are a user's: an extra LIP or poll file of
/// theirs must not decide whether a benchmark runs. Every path a benchmark passes is absolute.
let benchmarkWorkspace: String = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lip-dev-workspace")
    try! FileManager.default.createDirectory(at: url.appendingPathComponent("LIPs"), withIntermediateDirectories: true)
    return url.path
}()

/// A new temporary folder.
func scratchDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lip-dev-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func format(_ value: Double, _ decimals: Int = 2) -> String { String(format: "%.\(decimals)f", value) }
