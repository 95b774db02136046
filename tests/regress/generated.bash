# The two regression inputs too big to keep in the tree, made on demand.
# Sourced by tests/cli/regress.sh (ctest) and bench/regress_time.sh.

# many_figures N FILE: one sentence holding N percentages (memory grew with
# the square of the figures in a sentence).
many_figures() {
  awk -v n="$1" 'BEGIN { printf "测试标题\n（作者：某人）\n各项指标依次为"
               for (i = 0; i < n; i++) printf "%s%d%%", (i ? "、" : ""), i
               printf "。\n" }' >"$2"
}

# english_after_footnote N FILE: N English lines after a footnote (the URL
# continuation check took time quadratic in them).
english_after_footnote() {
  awk -v n="$1" 'BEGIN { printf "测试标题\n（作者：某人）\n某机构发布报告1，内容如下。\n\n1 某机构年度报告。\n"
               for (i = 0; i < n; i++) printf "Line %d of an appendix in English.\n", i }' >"$2"
}
