#!/usr/bin/python3
"""NumPy's side of bench/compare-ops: times the cells bench_ops lists (bench_ops --list), with
the same setup, warm-up and repetitions, and prints the same JSON rows as bench_ops.

Each row runs in a fresh namespace: the setup cell defines the operands (untimed), then the op
cell is timed on its own, as exec of a compiled cell, like a notebook runs it.
Usage: compare-ops-numpy.py CELLS.jsonl [--repeats N] [--row K]   (--row: only row K, from 0)
"""
import argparse
import json
import time

import numpy as np


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cells")
    p.add_argument("--repeats", type=int, default=21)
    p.add_argument("--row", type=int, default=None)
    args = p.parse_args()
    print(json.dumps({"numpy": np.__version__}), flush=True)
    cells = [json.loads(line) for line in open(args.cells) if line.strip()]
    for k, row in enumerate(cells):
        if args.row is not None and k != args.row:
            continue
        ns = {}
        exec("import numpy as np", ns)
        exec(row["setup"], ns)
        op = compile(row["op"], "<cell>", "exec")
        times = []
        for r in range(args.repeats + 2):
            t0 = time.perf_counter()
            exec(op, ns)
            t = (time.perf_counter() - t0) * 1e3
            if r >= 2:  # two warm-up runs, as bench_ops
                times.append(t)
        check = repr(eval(row["check"], ns))
        print(json.dumps({"name": row["name"], "elements": row["elements"], "bytes": row["bytes"],
                          "ms": [round(t, 4) for t in times], "check": check}), flush=True)
        del ns


if __name__ == "__main__":
    main()
