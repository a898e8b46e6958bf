#!/usr/bin/env python3
"""The tutorial's training loop in PyTorch on CUDA, timed exactly as bench_cuda times GradLab's.

  python3 bench_cuda_torch.py [--samples N]

Data: x = torch.rand(N, 1) and y = 1 + 2x + 0.1*torch.randn(N, 1) from a CPU torch.Generator
seeded 42, moved to cuda; model a + b*x with a, b nn.Parameters of shape [1] drawn after
torch.manual_seed(42); nn.MSELoss; optim.SGD lr 0.1. An epoch is one full-batch train step as the
tutorial writes it. 3 warm-up epochs, then 20 timed epochs with torch.cuda.synchronize() around
each. Prints "key: value" lines; exits 2 with a message when CUDA is not available.
"""
import argparse
import statistics
import sys
import time

WARMUP = 3
TIMED = 20


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=100_000_000, help="dataset size (default 100000000)")
    args = parser.parse_args()
    if args.samples <= 0:
        parser.error("--samples must be positive")

    try:
        import torch
        from torch import nn, optim
    except ImportError as e:
        print(f"bench_cuda_torch: PyTorch is not installed ({e})", file=sys.stderr)
        return 2
    if not torch.cuda.is_available():
        print("bench_cuda_torch: CUDA is not available to PyTorch (torch.cuda.is_available() is False)",
              file=sys.stderr)
        return 2
    device = "cuda"

    g = torch.Generator().manual_seed(42)
    x = torch.rand(args.samples, 1, generator=g)
    y = 1 + 2 * x + 0.1 * torch.randn(args.samples, 1, generator=g)
    x = x.to(device)
    y = y.to(device)

    class ManualLinearRegression(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))
            self.b = nn.Parameter(torch.randn(1, requires_grad=True, dtype=torch.float))

        def forward(self, x):
            return self.a + self.b * x

    torch.manual_seed(42)
    model = ManualLinearRegression().to(device)
    loss_fn = nn.MSELoss(reduction="mean")
    optimizer = optim.SGD(model.parameters(), lr=0.1)

    def train_step(x, y):
        model.train()
        yhat = model(x)
        loss = loss_fn(y, yhat)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
        return loss.item()

    first_loss = None
    for i in range(WARMUP):
        loss = train_step(x, y)
        if i == 0:
            first_loss = loss
    times = []
    last_loss = None
    for _ in range(TIMED):
        torch.cuda.synchronize()
        start = time.perf_counter()
        last_loss = train_step(x, y)
        torch.cuda.synchronize()
        times.append((time.perf_counter() - start) * 1e3)

    print(f"torch_version: {torch.__version__}")
    print(f"torch_device: {torch.cuda.get_device_name(0)}")
    print(f"samples: {args.samples}")
    print(f"torch_epoch_ms_median: {statistics.median(times):.4f}")
    print(f"torch_epoch_ms_min: {min(times):.4f}")
    print(f"torch_first_loss: {first_loss:.9g}")
    print(f"torch_last_loss: {last_loss:.9g}")
    print(f"torch_a: {model.a.item():.9g}")
    print(f"torch_b: {model.b.item():.9g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
