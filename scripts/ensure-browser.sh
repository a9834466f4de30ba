#!/usr/bin/env bash
# Installs what the real-browser tests need from Debian when it is missing: chromium and a CJK font
# (so that screenshots show Chinese, not boxes). Never downloads a browser from anywhere else.
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'wqy\|noto.*cjk' || need+=(fonts-wqy-zenhei)
[ ${#need[@]} -eq 0 ] && exit 0
echo "正在用 apt-get 安装：${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null
[ -x /usr/bin/chromium ] || { echo "chromium 安装失败：/usr/bin/chromium 不存在" >&2; exit 1; }
