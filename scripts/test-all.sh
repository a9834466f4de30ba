#!/usr/bin/env bash
# Every test: the lint (ESLint, with the layer rule), unit tests (Node), the production build, then the real-browser tests against that build.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== 代码检查（ESLint，含分层规则） =="
npm run lint
bash scripts/ensure-browser.sh
echo "== 单元测试 =="
npx vitest run
echo "== 生产构建 =="
npm run build
echo "== 浏览器测试（无头 Chromium） =="
npx vitest run --config vitest.browser.config.ts
