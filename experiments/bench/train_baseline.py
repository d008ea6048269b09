#!/usr/bin/env python3
"""PyTorch-eager baseline for `reason4j bench train`: forward + backward of teacher-forced token
log-probs (all positions but the first) over a B x T batch, on the same HF directory, same threads.
Reuses the decoder of rollout_baseline.py with autograd on. Prints one JSON line.

OPENBLAS_NUM_THREADS=1 /usr/bin/python3 train_baseline.py --model DIR --batch 16 --seq-len 256 --threads 2
"""
import argparse, json, time

import torch

from rollout_baseline import Decoder, load_safetensors


def token_log_probs(model, ids):
    B, T = ids.shape
    w = model.w
    x = w["model.embed_tokens.weight"][ids]
    pos = torch.arange(T).expand(B, T)
    cos, sin = model.cos[pos].unsqueeze(1), model.sin[pos].unsqueeze(1)
    causal = torch.arange(T).view(1, T) <= torch.arange(T).view(T, 1)
    bias = torch.zeros(T, T).masked_fill_(~causal, -1e9)
    g = model.nh // model.nkv
    for i in range(model.L):
        p = f"model.layers.{i}."
        h = model.norm(x, w[p + "input_layernorm.weight"])
        q = model.lin(h, p + "self_attn.q_proj").view(B, T, model.nh, model.hd)
        k = model.lin(h, p + "self_attn.k_proj").view(B, T, model.nkv, model.hd)
        v = model.lin(h, p + "self_attn.v_proj").view(B, T, model.nkv, model.hd)
        if model.qk_norm:
            q = model.norm(q, w[p + "self_attn.q_norm.weight"])
            k = model.norm(k, w[p + "self_attn.k_norm.weight"])
        q = model.rot(q.transpose(1, 2), cos, sin)
        k = model.rot(k.transpose(1, 2), cos, sin)
        v = v.transpose(1, 2)
        qg = q.reshape(B, model.nkv, g * T, model.hd)
        att = (qg @ k.transpose(-1, -2)).view(B, model.nkv, g, T, T) / model.hd ** 0.5 + bias
        o = (att.softmax(-1).view(B, model.nkv, g * T, T) @ v).view(B, model.nh, T, model.hd)
        x = x + model.lin(o.transpose(1, 2).reshape(B, T, model.nh * model.hd), p + "self_attn.o_proj")
        h = model.norm(x, w[p + "post_attention_layernorm.weight"])
        x = x + model.lin(torch.nn.functional.silu(model.lin(h, p + "mlp.gate_proj")) * model.lin(h, p + "mlp.up_proj"),
                          p + "mlp.down_proj")
    h = model.norm(x[:, :-1], w["model.norm.weight"])
    logits = h @ model.head.t()
    return logits.log_softmax(-1).gather(-1, ids[:, 1:].unsqueeze(-1)).squeeze(-1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seq-len", type=int, default=256)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = json.load(open(a.model + "/config.json"))
    weights = {k: v.requires_grad_(True) for k, v in load_safetensors(a.model + "/model.safetensors").items()}
    model = Decoder(cfg, weights)
    ids = torch.randint(0, cfg["vocab_size"], (a.batch, a.seq_len), generator=torch.Generator().manual_seed(3))
    best = None
    for r in range(a.repeats + 1):
        t0 = time.perf_counter()
        loss = -token_log_probs(model, ids).mean()
        loss.backward()
        for t in weights.values():
            t.grad = None
        dt = time.perf_counter() - t0
        if r > 0 and (best is None or dt < best):
            best = dt
    print(json.dumps({"engine": "pytorch-eager " + torch.__version__, "batch": a.batch, "seq_len": a.seq_len,
                      "threads": a.threads, "tokens_per_s": a.batch * a.seq_len / best, "seconds_per_pass": best}))


if __name__ == "__main__":
    main()
