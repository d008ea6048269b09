"""Regenerates torch_adamw_reference.json: torch.optim.AdamW on two small float64 tensors.

Run with a Python that has torch (Debian: /usr/bin/python3 with python3-torch):
    /usr/bin/python3 torch_adamw_reference.py > torch_adamw_reference.json
"""
import json
import math

import torch

torch.set_default_dtype(torch.float64)
w = torch.tensor([[0.5, -1.25, 2.0], [0.75, -0.3, 1e-3]], requires_grad=True)
b = torch.tensor([0.1, -0.2, 0.0], requires_grad=True)
opt = torch.optim.AdamW(
    [{"params": [w], "weight_decay": 0.1}, {"params": [b], "weight_decay": 0.0}],
    lr=1e-2, betas=(0.9, 0.999), eps=1e-8, foreach=False)
lrs = [0.0, 0.01, 0.02, 0.015, 0.005, 0.03, 0.01]


def grad(shape, step, salt):
    n = math.prod(shape)
    values = [math.sin(1.3 * step + 0.7 * i + salt) * (10.0 ** ((i + step) % 5 - 2)) for i in range(n)]
    values[(step + salt) % n] = 0.0
    return torch.tensor(values).reshape(shape)


out = {"torch_version": torch.__version__, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
       "weight_decay": {"w": 0.1, "b": 0.0},
       "initial": {"w": w.detach().flatten().tolist(), "b": b.detach().flatten().tolist()},
       "shapes": {"w": list(w.shape), "b": list(b.shape)}, "steps": []}
for step, lr in enumerate(lrs):
    for group in opt.param_groups:
        group["lr"] = lr
    w.grad = grad(w.shape, step, 1)
    b.grad = grad(b.shape, step, 2)
    opt.step()
    out["steps"].append({
        "lr": lr,
        "grad": {"w": w.grad.flatten().tolist(), "b": b.grad.flatten().tolist()},
        "param": {"w": w.detach().flatten().tolist(), "b": b.detach().flatten().tolist()},
        "exp_avg": {k: opt.state[p]["exp_avg"].flatten().tolist() for k, p in (("w", w), ("b", b))},
        "exp_avg_sq": {k: opt.state[p]["exp_avg_sq"].flatten().tolist() for k, p in (("w", w), ("b", b))},
    })
print(json.dumps(out, indent=1))
