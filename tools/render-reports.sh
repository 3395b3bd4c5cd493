#!/usr/bin/env bash
# Renders every report of a folder in headless Chromium, served with the CSP that Jenkins applies
# to archived files, and saves a full-page PNG of each plus the browser's console (CSP violations
# show there). For a person to look at; not part of the build.
# Usage: tools/render-reports.sh REPORT_DIR SCREENSHOT_DIR [PORT]
set -euo pipefail
dir=$(cd "$1" && pwd); shots=$(mkdir -p "$2" && cd "$2" && pwd); port=${3:-8765}
command -v chromium >/dev/null || { echo "install Debian's chromium first (apt-get install chromium)" >&2; exit 2; }
python3 - "$dir" "$port" <<'PY' &
import http.server, functools, sys
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'self';")
        super().end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2])), functools.partial(H, directory=sys.argv[1])).serve_forever()
PY
server=$!; trap 'kill $server' EXIT; sleep 1
for page in "$dir"/*.html; do
  name=$(basename "$page" .html)
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d)" --hide-scrollbars \
    --window-size=1200,${HEIGHT:-2000} --enable-logging=stderr --v=0 \
    --screenshot="$shots/$name.png" "http://127.0.0.1:$port/$name.html" 2>"$shots/$name.console.txt" >/dev/null || true
  if grep -qi "content security policy" "$shots/$name.console.txt"; then
    echo "$name: CSP violations:"; grep -i "content security policy" "$shots/$name.console.txt" | head -5
  else
    echo "$name: no CSP violation"
  fi
done
