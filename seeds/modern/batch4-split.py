"""Batch 4 split (decided before any annotation): group by publisher family,
families in alphabetical order, each family's ids sorted and shuffled with one
random.Random(20261208); the first floor(n/2) go to dev4, the rest to holdout4;
for families of odd size the extra text goes alternately to dev4 and holdout4
(first odd family to dev4). Reads ids and families from batch4.jsonl.
Usage: python3 batch4-split.py batch4.jsonl"""

import json
import random
import sys
from collections import defaultdict


def split(rows):
    fam = defaultdict(list)
    for r in rows:
        fam[r["family"]].append(r["id"])
    rng = random.Random(20261208)
    out, odd_to_dev = {}, True
    for f in sorted(fam):
        ids = sorted(fam[f])
        rng.shuffle(ids)
        h = len(ids) // 2
        for i in ids[:h]:
            out[i] = "dev4"
        for i in ids[h : 2 * h]:
            out[i] = "holdout4"
        if len(ids) % 2:
            out[ids[-1]] = "dev4" if odd_to_dev else "holdout4"
            odd_to_dev = not odd_to_dev
    return fam, out


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    fam, out = split(rows)
    for f in sorted(fam):
        print(f, len(fam[f]))
        for i in sorted(fam[f]):
            print("  ", out[i], i)
    print(
        "dev4",
        sum(v == "dev4" for v in out.values()),
        "holdout4",
        sum(v == "holdout4" for v in out.values()),
    )
