# Made-up clauses dense with money, percentages, process nodes and dates,
# for the bounded-memory test (tests/cli/bounded.sh) and benchmark
# (bench/bounded.sh): clauses until `target` bytes, `sep` after every sixth.
#
#   LC_ALL=C awk -v sep='\n' -v target=BYTES -f tools/gen-clauses.awk
BEGIN {
  split("研究团队 项目 企业 市场 投资 规模 芯片 产能 计划 报告", w, " ")
  n = 0; bytes = 0
  while (bytes < target) {
    k = n % 5; v = (n * 37) % 997 + 1
    if (k == 0) f = v "亿元"; else if (k == 1) f = v "%";
    else if (k == 2) f = v "纳米"; else if (k == 3) f = (1990 + v % 30) "年" (1 + v % 12) "月";
    else f = v ".5亿美元"
    s = w[n % 10 + 1] w[(n * 3) % 10 + 1] f "，"
    if (n % 6 == 5) s = s sep
    printf "%s", s; bytes += length(s); n++
  }
  printf "\n"
}
