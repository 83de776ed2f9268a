"""Which BLAS a PyTorch baseline multiplies with, for the benches' headers (bin/bench-train, bin/bench-generate).

PyTorch says how it was built (torch.__config__.show(): BLAS_INFO=mkl for pip's x86-64 wheels, which carry MKL;
"open" for a build against the generic system BLAS, as Debian's python3-torch is). A generic build multiplies with
whatever /usr/lib/x86_64-linux-gnu/libblas.so.3 points at, and the reference libblas3 is about 14x slower than
OpenBLAS.
"""
import os
import re


def describe():
    """(what the BLAS is, whether it is a fair baseline: MKL or OpenBLAS)."""
    import torch
    built = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    info = built.group(1) if built else "unknown"
    if info in ("mkl", "openblas"):
        return f"{info}, in PyTorch's own build", True
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    return f"{blas} (BLAS_INFO={info})", "openblas" in blas or "mkl" in blas
