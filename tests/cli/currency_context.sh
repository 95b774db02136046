#!/usr/bin/env bash
# Currency from context across articles and from --locale (issue 10; the
# evidence inside one article is in tests/forms/money.tsv). Texts written
# for this test.
#
#   bash tests/cli/currency_context.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.bash"
enter_source "$@" || exit 1
if ! command -v jq >/dev/null 2>&1; then
  echo "currency_context: jq not found; skipped"
  exit 0
fi
money() {  # money FILE [OPTIONS]: "text currency inferred" per money entity
  local f=$1
  shift
  "$bin" "$@" "$f" | jq -r '.entities[] | select(.type == "money") |
    "\(.text) \(.currency) \(.currency_inferred // false)"'
}
expect() {  # expect WHAT GOT WANT
  [ "$2" = "$3" ] || fail "$1: got [$2], expected [$3]"
}

# The document so far: a later article with 元 alone and no evidence of its
# own takes the currency of the earlier articles' explicit amounts.
cat >"$tmp/doc.txt" <<'TXT'
晶圓代工廠公布季度財報

該廠第二季營收為新台幣 3,200 億元，毛利率回升。

封測廠擴充產能

封測廠表示，明年資本支出將增加約 150 億元。
TXT
expect "document evidence" "$(money "$tmp/doc.txt")" \
"新台幣 3,200 億元 TWD false
約 150 億元 TWD true"

# No evidence at all: CNY, not inferred; --locale gives the currency of the
# region it names (ICU), written zh-HK or zh_HK.
cat >"$tmp/bare.txt" <<'TXT'
物流公司公布年報

物流公司全年營業額約 75 億元。
TXT
expect "no evidence" "$(money "$tmp/bare.txt")" "約 75 億元 CNY false"
expect "--locale zh-HK" "$(money "$tmp/bare.txt" --locale zh-HK)" "約 75 億元 HKD true"
expect "--locale zh_TW" "$(money "$tmp/bare.txt" --locale zh_TW)" "約 75 億元 TWD true"
expect "--locale zh-CN" "$(money "$tmp/bare.txt" --locale zh-CN)" "約 75 億元 CNY false"
# An explicit amount of the article wins over --locale.
cat >"$tmp/hk.txt" <<'TXT'
電訊商業績

電訊商全年收入 420 億港元，另有 12 億元來自海外。
TXT
expect "article over --locale" "$(money "$tmp/hk.txt" --locale zh-TW | tail -n 1)" "12 億元 HKD true"
# A locale naming no region with a currency is a usage error.
"$bin" --locale xx "$tmp/bare.txt" >/dev/null 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] && grep -q -- "--locale: 'xx'" "$tmp/err" ||
  fail "--locale xx: exit $status, stderr $(cat "$tmp/err")"

echo "currency_context: $failures failure(s)"
[ "$failures" -eq 0 ]
