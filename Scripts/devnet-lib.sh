# What the devnet rehearsals share (sourced, not run): the devnet's packages, lip, the devnet
# started with its networks.yaml in $dir and stopped on every exit, and helpers to call it.
#
# Before sourcing: $root (the repository) and $dir (the rehearsal's folder, made and absolute);
# $poll_period (default 60). After: $py, $lip, $url, $devnet (its PID), and the functions below.
# lip is $LIP when set, else `lip` on PATH, else .build/debug/lip (built when missing).

bash "$root/Scripts/devnet-setup.sh"
py="$root/.build/devnet-venv/bin/python"
if [ -n "${LIP:-}" ]; then
  lip="$LIP"
elif command -v lip >/dev/null 2>&1; then
  lip="$(command -v lip)"
else
  [ -x "$root/.build/debug/lip" ] || (cd "$root" && swift build --product lip >/dev/null)
  lip="$root/.build/debug/lip"
fi

"$py" "$root/Tests/Devnet/devnet.py" --poll-period "${poll_period:-60}" --accounts "${accounts:-20}" --networks-out "$dir/networks.yaml" \
  >"$dir/devnet.json" 2>"$dir/devnet.log" </dev/null &
devnet=$!
trap 'kill "$devnet" 2>/dev/null || true; wait "$devnet" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [ -s "$dir/devnet.json" ] && break
  kill -0 "$devnet" 2>/dev/null || { echo "devnet: it did not start:" >&2; cat "$dir/devnet.log" >&2; exit 2; }
  sleep 0.1
done
port="$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["port"])' "$dir/devnet.json")"
url="http://127.0.0.1:$port"
echo "devnet: $url (networks.yaml in $dir)"

# rpc METHOD [JSON-PARAM...]: calls a devnet method; prints its result (strings bare, the rest as JSON).
rpc() {
  "$py" - "$url" "$@" <<'PY'
import json, sys, urllib.request
url, method, params = sys.argv[1], sys.argv[2], [json.loads(p) for p in sys.argv[3:]]
body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params}).encode()
answer = json.loads(urllib.request.urlopen(urllib.request.Request(url, body, {"Content-Type": "application/json"})).read())
if "error" in answer:
    sys.exit(f"devnet: {method}: {answer['error']['message']}")
r = answer["result"]
sys.stdout.write((r if r.endswith("\n") else r + "\n") if isinstance(r, str) else json.dumps(r) + "\n")
PY
}
# field JSON KEY: one field of a JSON object.
field() { "$py" -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
# lpt N: N LPT as a JSON wei string.
lpt() { echo "\"${1}000000000000000000\""; }
# accounts N: the devnet's first N accounts, one per line.
accounts() { rpc devnet_accounts "$1" | "$py" -c 'import json,sys; print("\n".join(json.load(sys.stdin)))'; }
