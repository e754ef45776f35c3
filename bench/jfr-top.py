#!/usr/bin/env python3
"""Summarises the jdk.ExecutionSample events of a JFR recording (bench/issuer-bench.sh --server-java-opts
"-XX:StartFlightRecording=filename=F.jfr,settings=profile"): the hottest methods by self samples, and the
share of samples whose stack passes through each of a list of "buckets" (substrings of a frame), so one
can see where an issuance's CPU goes.

Usage: bench/jfr-top.py F.jfr [--last SECONDS] [TOP] [BUCKET ...]
(--last: only the samples of the recording's last SECONDS, e.g. the measured window of a run.)
"""
import collections
import re
import subprocess
import sys

def seconds(stamp):
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)

def stacks(path, last):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", path],
                         capture_output=True, text=True, check=True).stdout
    events = []
    for event in out.split("jdk.ExecutionSample")[1:]:
        stamp = re.search(r"startTime = ([0-9:.]+)", event)
        frames = re.findall(r"^\s+([\w$.<>/]+)\(.*?line:", event, re.M)
        if stamp and frames:
            events.append((seconds(stamp.group(1)), frames))
    end = max((t for t, _ in events), default=0)
    for t, frames in events:
        if last is None or t >= end - last:
            yield frames

def main():
    args = sys.argv[1:]
    path = args.pop(0)
    last = None
    if args and args[0] == "--last":
        last = float(args[1])
        args = args[2:]
    top = int(args[0]) if args else 40
    buckets = args[1:]
    self_count = collections.Counter()
    bucket_count = collections.Counter()
    total = 0
    for frames in stacks(path, last):
        total += 1
        self_count[frames[0]] += 1
        for b in buckets:
            if any(b in f for f in frames):
                bucket_count[b] += 1
    print(f"samples: {total}")
    for m, n in self_count.most_common(top):
        print(f"{100.0 * n / total:5.1f}%  {m}")
    for b in buckets:
        print(f"bucket {100.0 * bucket_count[b] / max(total, 1):5.1f}%  {b}")

main()
