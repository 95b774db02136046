#!/usr/bin/python3
"""Runs bulletin-extract over a JSON Lines file of documents on a Dask
cluster: the file is cut into partitions of whole lines, each worker pipes
its partition through the binary (--input-format jsonl), and the records
come back in partition order, as one serial run would write them.

    examples/dask_extract.py docs.jsonl > records.jsonl
    examples/dask_extract.py --workers 4 --partitions 16 docs.jsonl
    examples/dask_extract.py --scheduler tcp://host:8786 docs.jsonl

Without --scheduler it starts a LocalCluster (Debian: python3-distributed)
of --workers processes; with it, the workers of that cluster must have
bulletin-extract (or --binary) installed. Each partition is read from
stdin, so source.path is "-" and source.jsonl_line counts lines within the
partition: documents are identified by their id (--id-field).
"""
import argparse
import subprocess
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster


def extract(lines, binary, extra):
    """One partition (a list of JSON lines) through the binary: its records."""
    lines = list(lines)
    if not lines:
        return []
    run = subprocess.run([binary, "--input-format", "jsonl", *extra],
                         input="".join(l if l.endswith("\n") else l + "\n"
                                       for l in lines),
                         capture_output=True, text=True)
    if run.returncode not in (0, 3):  # 3: some lines were bad JSON
        raise RuntimeError(f"{binary} exited {run.returncode}: {run.stderr}")
    sys.stderr.write(run.stderr)
    return run.stdout.splitlines()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("input", help="JSON Lines file, one document per line")
    ap.add_argument("--binary", default="bulletin-extract")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--scheduler", help="address of a running scheduler")
    ap.add_argument("extra", nargs="*",
                    help="options for bulletin-extract, after --")
    args = ap.parse_args()
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    with client:
        with open(args.input, encoding="utf-8") as f:
            lines = f.readlines()
        bag = db.from_sequence(lines,
                               npartitions=max(1, min(args.partitions,
                                                      len(lines))))
        records = bag.map_partitions(extract, args.binary, args.extra)
        for rec in records.compute():
            print(rec)
    if not args.scheduler:
        cluster.close()


if __name__ == "__main__":
    main()
