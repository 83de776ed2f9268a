"""Which BLAS a PyTorch baseline multiplies with, for the benches' headers (bin/bench-train, bin/bench-generate).

PyTorch's pip wheels for x86-64 carry MKL inside libtorch; Debian's python3-torch calls the system BLAS, where
the reference libblas3 is about 14x slower than OpenBLAS.
"""
import os


def describe():
    """(what the BLAS is, whether it is a fair baseline: MKL or OpenBLAS)."""
    import torch
    if torch.backends.mkl.is_available():
        return "MKL, in PyTorch's own build", True
    blas = os.path.realpath("/usr/lib/x86_64-linux-gnu/libblas.so.3")
    return blas, "openblas" in blas or "mkl" in blas
