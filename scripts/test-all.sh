#!/usr/bin/env bash
# Every test: unit tests (Node), the production build, then the real-browser tests against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-browser.sh
echo "== 单元测试 =="
npx vitest run
echo "== 生产构建 =="
npm run build
echo "== 浏览器测试（无头 Chromium） =="
npx vitest run --config vitest.browser.config.ts
