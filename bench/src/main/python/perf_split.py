#!/usr/bin/env python3
"""Where a training process's CPU time goes, from a `perf record` file: the shares of its samples by kind of work.

Each sample's symbol (and library) is put in one of these kinds:
- matmul (BLAS): MKL's or OpenBLAS's GEMM kernels and their packing copies;
- element-wise and reductions: libtorch's vectorised loops (add, mul, copy, exp, sum, ...);
- softmax and log-softmax: libtorch's fused softmax kernels, forward and backward;
- dispatch and other libtorch: operator dispatch, tensor metadata, allocation bookkeeping;
- kernel: the operating system (page faults on fresh memory, scheduling, thread wake-ups);
- host runtime: the JVM, its JIT-compiled code (named through the JVM's perf map) and DJL's JNI glue, or the Python
  interpreter and PyTorch's Python binding (libtorch_python);
- libc: malloc, free, memset, memcpy;
- other: anything else, such as code perf could not name.

    python perf_split.py PERF_DATA      prints one JSON object: {"samples": N, "shares": {kind: percent}}

Used by bin/bench-perf; needs `perf` (Debian's linux-perf) on the PATH.
"""
import collections
import json
import re
import subprocess
import sys

LINE = re.compile(r"\s+([\d.]+)%\s+(.+?)\s+\[(.)\]\s+(.*)")


def kind(dso, mark, sym):
    if mark == "k":
        return "kernel"
    if "gemm" in sym.lower() or sym.startswith("mkl_blas") or "gblock" in sym:
        return "matmul (BLAS)"
    if "softmax" in sym:
        return "softmax and log-softmax"
    if "VectorizedLoop" in sym or "Sleef" in sym or "cascade_sum" in sym or "reduce" in sym.lower() \
            or "_kernel" in sym:
        return "element-wise and reductions"
    if dso == "libjvm.so" or dso.startswith("[JIT]") or "djl" in dso or "python" in dso or "perf-" in dso:
        return "host runtime (JVM and JNI, or Python)"
    if dso.startswith(("libtorch", "libc10", "libgomp", "libiomp")):
        return "dispatch and other libtorch"
    if dso.startswith(("libc.so", "libm.so", "ld-linux")):
        return "libc (malloc, memcpy)"
    return "other"


def split(data):
    report = subprocess.run(["perf", "report", "-i", data, "--no-children", "--sort", "dso,sym", "--stdio",
                             "-g", "none"], capture_output=True, text=True, check=True).stdout
    samples = re.search(r"# Samples: (\S+)", report)
    shares = collections.Counter()
    for line in report.splitlines():
        m = LINE.match(line)
        if m:
            shares[kind(m.group(2), m.group(3), m.group(4))] += float(m.group(1))
    return {"samples": samples.group(1) if samples else None,
            "shares": {k: round(v, 2) for k, v in shares.most_common()}}


if __name__ == "__main__":
    print(json.dumps(split(sys.argv[1])))
