#!/usr/bin/env bash
# Spreads a JSON Lines file of documents over the cores (or, with
# --sshlogin, over machines) with GNU parallel: each 10 MB block of whole
# lines goes to one bulletin-extract; -k writes the outputs in input order,
# so the records are those of one serial run, in the same order.
#
#   examples/parallel.sh docs.jsonl > records.jsonl
#   examples/parallel.sh docs.jsonl --text-field body --keep-fields url
#   BLOCK=1M BULLETIN_EXTRACT=build/bulletin-extract examples/parallel.sh docs.jsonl
#
# Options after the file go to bulletin-extract.
#
# Each block is read from stdin, so `source.path` is "-" and
# `source.jsonl_line` counts lines within the block: identify documents by
# their `id` (--id-field).
set -euo pipefail
bin=${BULLETIN_EXTRACT:-bulletin-extract}
in=${1:--}
shift || true
parallel --pipe --block "${BLOCK:-10M}" -k -q "$bin" --input-format jsonl "$@" <"$in"
