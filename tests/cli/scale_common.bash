# Shared by example_parallel.sh and example_dask.sh (sourced): $tmp/docs.jsonl,
# a JSON Lines file of documents (every sample bulletin, decoded, several
# times under distinct ids, and short documents of our own), and
# same_as_serial OUT, which checks OUT against one serial run over stdin
# record for record (source.jsonl_line aside: a worker counts the lines of
# the block it was given).
/usr/bin/python3 - "$src" "$tmp/docs.jsonl" <<'PY'
import glob, json, os, sys
src, out = sys.argv[1], sys.argv[2]
docs = []
for path in sorted(glob.glob(os.path.join(src, "samples", "*.txt"))):
    raw = open(path, "rb").read()
    for enc in ("utf-8", "gb18030"):
        try:
            docs.append((os.path.basename(path), raw.decode(enc)))
            break
        except UnicodeDecodeError:
            pass
short = ["宁德时代宣布在匈牙利投资 73 亿欧元建设电池工厂。",
         "2024 年第一季度，出货量同比增长 12.5%。",
         "2020年7月",
         "报告指出，相关企业计划在 3 年内投入约 500 亿元。"]
with open(out, "w", encoding="utf-8") as f:
    n = 0
    for rep in range(6):
        for name, text in docs:
            n += 1
            f.write(json.dumps({"id": f"{name}#{rep}", "n": n, "text": text},
                               ensure_ascii=False) + "\n")
        for i, s in enumerate(short):
            n += 1
            f.write(json.dumps({"id": f"short-{rep}-{i}", "n": n, "text": s},
                               ensure_ascii=False) + "\n")
PY
"$bin" --input-format jsonl --keep-fields n - <"$tmp/docs.jsonl" >"$tmp/serial.out" ||
  fail "serial run: exit $?"
same_as_serial() {  # same_as_serial OUT WHAT
  local a=$tmp/a.cmp b=$tmp/b.cmp
  jq -c 'del(.source.jsonl_line)' "$tmp/serial.out" >"$a"
  jq -c 'del(.source.jsonl_line)' "$1" >"$b" || { fail "$2: output is not JSON Lines"; return; }
  [ -s "$a" ] || { fail "$2: the serial run gave no records"; return; }
  cmp -s "$a" "$b" ||
    fail "$2: $(wc -l <"$b") records, serial $(wc -l <"$a"); first difference: $(diff "$a" "$b" | head -c 300)"
}
