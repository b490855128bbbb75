import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on `--remote-debugging-pipe` (NUL-ended
/// JSON on the child's file descriptors 3 and 4): enough to open a page as a reader does and say
/// what it shows, what it asked for, and what went wrong. Needs nothing beyond Debian's `chromium`.
final class Browser {
    private var pid: pid_t = 0
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var buffer = Data()
    private var nextID = 0
    /// Events received since the last `clearEvents()`.
    private(set) var events: [[String: Any]] = []
    private var session = ""

    /// Chromium's path, nil when it is not installed.
    static var executable: String? { ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) } }

    /// Starts a browser; skips the test when none is installed (fails when LIP_BROWSER_REQUIRED=1).
    init(profile: URL) throws {
        guard let executable = Browser.executable else {
            if ProcessInfo.processInfo.environment["LIP_BROWSER_REQUIRED"] == "1" {
                throw NSError(domain: "browser", code: 1, userInfo: [NSLocalizedDescriptionKey: "no chromium"])
            }
            throw XCTSkip("no chromium: install Debian's chromium to test the site in a browser")
        }
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw NSError(domain: "browser", code: 2) }
        // Out of the way of 3 and 4, and not inherited beyond what the child needs.
        let childRead = fcntl(input[0], F_DUPFD, 10), childWrite = fcntl(output[1], F_DUPFD, 10)
        close(input[0])
        close(output[1])
        _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        close(childRead)
        close(childWrite)
        toBrowser = input[1]
        fromBrowser = output[0]
        guard rc == 0 else { throw NSError(domain: "browser", code: Int(rc)) }
        let target = try call("Target.createTarget", ["url": "about:blank"], session: nil)
        let attached = try call("Target.attachToTarget", ["targetId": (target["targetId"] as? String) ?? "", "flatten": true], session: nil)
        session = attached["sessionId"] as? String ?? ""
        for domain in ["Page.enable", "Runtime.enable", "Log.enable", "Network.enable"] { _ = try call(domain, [:]) }
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }

    /// Sends a command (to the page unless `session` is nil: the browser) and waits for its answer.
    @discardableResult
    func call(_ method: String, _ params: [String: Any], session: String?? = .none) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": params]
        if let chosen = session ?? self.session { message["sessionId"] = chosen }
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(toBrowser, bytes.baseAddress! + offset, bytes.count - offset)
                guard n > 0 else { throw NSError(domain: "browser", code: 3, userInfo: [NSLocalizedDescriptionKey: "the browser stopped reading"]) }
                offset += n
            }
        }
        let id = nextID
        while true {
            let object = try nextMessage()
            if object["id"] as? Int == id {
                if let error = object["error"] { throw NSError(domain: "browser", code: 4, userInfo: [NSLocalizedDescriptionKey: "\(method): \(error)"]) }
                return object["result"] as? [String: Any] ?? [:]
            }
            events.append(object)
        }
    }

    /// The next message, read from the pipe.
    private func nextMessage() throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                return (try JSONSerialization.jsonObject(with: message) as? [String: Any]) ?? [:]
            }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = read(fromBrowser, &chunk, chunk.count)
            guard n > 0 else { throw NSError(domain: "browser", code: 5, userInfo: [NSLocalizedDescriptionKey: "the browser closed its pipe"]) }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// What a reader sees of a page, and what went wrong loading it.
    struct View {
        var title: String
        var firstHeading: String
        var text: String
        /// Each image's resolved source and whether it loaded.
        var images: [(String, Bool)]
        /// Each link's resolved target.
        var links: [String]
        /// Console errors, uncaught exceptions and failed loads, in words.
        var errors: [String]
        /// Every URL the page requested.
        var requests: [String]
        /// Whether a script opened a dialog (alert, confirm).
        var dialog: Bool
        /// The text of each table cell shown aligned right, in page order.
        var rightAligned: [String]
    }

    /// Opens `url` and waits for its load event.
    func open(_ url: String) throws -> View {
        events = []
        _ = try call("Page.navigate", ["url": url])
        let deadline = Date().addingTimeInterval(30)
        while !events.contains(where: { $0["method"] as? String == "Page.loadEventFired" }) {
            guard Date() < deadline else { throw NSError(domain: "browser", code: 6, userInfo: [NSLocalizedDescriptionKey: "\(url) did not load"]) }
            events.append(try nextMessage())
        }
        let script = """
            JSON.stringify({title: document.title, h1: (document.querySelector('h1') || {}).textContent || '', text: document.body ? document.body.innerText : '',
              images: Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0]), links: Array.from(document.links).map(a => a.href),
              right: Array.from(document.querySelectorAll('td, th')).filter(c => getComputedStyle(c).textAlign === 'right').map(c => c.textContent.trim())})
            """
        let result = try call("Runtime.evaluate", ["expression": script, "returnByValue": true])
        let value = ((result["result"] as? [String: Any])?["value"] as? String) ?? "{}"
        let page = (try JSONSerialization.jsonObject(with: Data(value.utf8)) as? [String: Any]) ?? [:]
        var errors: [String] = [], requests: [String] = [], dialog = false
        for event in events {
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled" where params["type"] as? String == "error": errors.append("console: \(params["args"] ?? "")")
            case "Runtime.exceptionThrown": errors.append("exception: \(params["exceptionDetails"] ?? "")")
            case "Log.entryAdded":
                if let entry = params["entry"] as? [String: Any], entry["level"] as? String == "error" { errors.append("log: \(entry["text"] ?? "") \(entry["url"] ?? "")") }
            case "Network.requestWillBeSent": requests.append(((params["request"] as? [String: Any])?["url"] as? String) ?? "")
            case "Page.javascriptDialogOpening": dialog = true
            default: break
            }
        }
        return View(
            title: page["title"] as? String ?? "", firstHeading: page["h1"] as? String ?? "", text: page["text"] as? String ?? "",
            images: (page["images"] as? [[Any]] ?? []).map { ($0.first as? String ?? "", $0.last as? Bool ?? false) }, links: page["links"] as? [String] ?? [],
            errors: errors, requests: requests, dialog: dialog, rightAligned: page["right"] as? [String] ?? [])
    }

    /// A PNG of the page as shown, `width` pixels wide.
    func screenshot() throws -> Data {
        let shot = try call("Page.captureScreenshot", ["format": "png"])
        return Data(base64Encoded: shot["data"] as? String ?? "") ?? Data()
    }
}
