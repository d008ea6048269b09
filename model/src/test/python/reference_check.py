#!/usr/bin/python3
"""Independent torch check of the Java test oracle dev.reason4j.model.reference.ReferenceDecoder.

The forward pass below is written as torch modules that follow the structure of Hugging Face transformers'
modeling_llama.py / modeling_qwen2.py / modeling_qwen3.py (RMSNorm, rotary embedding with rotate_half,
apply_rotary_pos_emb, repeat_kv, eager attention with an additive causal mask, SwiGLU MLP, tied/untied lm_head,
rope_scaling "linear" and "llama3" as in modeling_rope_utils.py), loaded with load_state_dict(strict=True) from the
HF-named tensors of a safetensors file. Everything runs in float64 (including the RoPE tables, which transformers
computes in float32), so the result must match the double-precision Java oracle to ~1e-12.

Usage:
  # 1. dump the standard fixtures with the Java oracle's outputs
  mvn -q -B -pl model -am test -Dtest='dev.reason4j.model.reference.ReferenceDumpTest' \
      -Dsurefire.failIfNoSpecifiedTests=false -Dreference.dumpDir=/tmp/refdump
  # 2. recompute with torch, compare, and (optionally) write the committed expectations
  /usr/bin/python3 model/src/test/python/reference_check.py /tmp/refdump \
      [--write-fixtures model/src/test/resources/reference]

Needs only torch and numpy (Debian: apt-get install python3-torch); transformers is not required.
"""
import argparse
import json
import math
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

TOL = 1e-6
# --mutants: deliberately wrong variants, to show that a 1e-6 comparison catches plausible implementation bugs.
MUTANTS = ["interleaved_rope", "kv_head_modulo", "rope_before_qk_norm", "no_rope_scaling", "rope_theta_10000",
           "eps_outside_sqrt", "no_qk_bias"]
MUTANT = None
LLAMA, QWEN2, QWEN3 = "LlamaForCausalLM", "Qwen2ForCausalLM", "Qwen3ForCausalLM"


def load_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        assert meta["dtype"] == "F32", meta
        b, e = meta["data_offsets"]
        arr = np.frombuffer(raw[base + b:base + e], dtype="<f4").astype(np.float64)
        out[name] = torch.from_numpy(arr.reshape(meta["shape"]).copy())
    return out


class Cfg:
    """config.json with the defaults of LlamaConfig / Qwen2Config / Qwen3Config for absent fields."""

    def __init__(self, d):
        self.arch = d["architectures"][0]
        assert self.arch in (LLAMA, QWEN2, QWEN3), self.arch
        g = lambda k, dflt: d[k] if d.get(k) is not None else dflt  # noqa: E731
        assert g("hidden_act", "silu") == "silu"
        assert not g("use_sliding_window", False)
        self.vocab_size = d["vocab_size"]
        self.hidden_size = d["hidden_size"]
        self.intermediate_size = d["intermediate_size"]
        self.num_hidden_layers = d["num_hidden_layers"]
        self.num_attention_heads = d["num_attention_heads"]
        self.num_key_value_heads = g("num_key_value_heads", self.num_attention_heads if self.arch == LLAMA else 32)
        self.head_dim = g("head_dim", 128 if self.arch == QWEN3 else self.hidden_size // self.num_attention_heads)
        self.rms_norm_eps = g("rms_norm_eps", 1e-6)
        self.tie_word_embeddings = g("tie_word_embeddings", False)
        self.attention_bias = g("attention_bias", False)
        self.mlp_bias = g("mlp_bias", False)
        self.max_position_embeddings = g("max_position_embeddings", None)
        rope = d.get("rope_parameters") or d.get("rope_scaling") or {}
        self.rope = dict(rope)
        self.rope_theta = rope.get("rope_theta", g("rope_theta", 10000.0))
        self.rope_type = rope.get("rope_type", rope.get("type", "default"))
        if self.rope_type == "llama3" and "original_max_position_embeddings" not in self.rope:
            self.rope["original_max_position_embeddings"] = g("original_max_position_embeddings",
                                                              self.max_position_embeddings)


def inv_freq_for(cfg):
    dim = cfg.head_dim
    theta = 10000.0 if MUTANT == "rope_theta_10000" else cfg.rope_theta
    inv = 1.0 / (theta ** (torch.arange(0, dim, 2, dtype=torch.int64).to(torch.float64) / dim))
    if cfg.rope_type == "default" or MUTANT == "no_rope_scaling":
        return inv
    if cfg.rope_type == "linear":
        return inv / cfg.rope["factor"]
    if cfg.rope_type == "llama3":
        factor = cfg.rope["factor"]
        low, high = cfg.rope["low_freq_factor"], cfg.rope["high_freq_factor"]
        old_ctx = cfg.rope["original_max_position_embeddings"]
        low_wl, high_wl = old_ctx / low, old_ctx / high
        wavelen = 2 * math.pi / inv
        scaled = torch.where(wavelen > low_wl, inv / factor, inv)
        smooth = (old_ctx / wavelen - low) / (high - low)
        smoothed = (1 - smooth) * scaled / factor + smooth * scaled
        medium = ~(wavelen < high_wl) * ~(wavelen > low_wl)
        return torch.where(medium, smoothed, scaled)
    raise ValueError("rope type " + cfg.rope_type)


class RMSNorm(nn.Module):
    def __init__(self, n, eps):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(n, dtype=torch.float64))
        self.eps = eps

    def forward(self, x):
        var = x.pow(2).mean(-1, keepdim=True)
        if MUTANT == "eps_outside_sqrt":
            return self.weight * (x / (var.sqrt() + self.eps))
        return self.weight * (x * torch.rsqrt(var + self.eps))


class Rotary(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.register_buffer("inv_freq", inv_freq_for(cfg), persistent=False)

    def forward(self, position_ids):  # position_ids: (batch, seq)
        freqs = (self.inv_freq[None, :, None] @ position_ids[:, None, :].to(torch.float64)).transpose(1, 2)
        emb = torch.cat((freqs, freqs), dim=-1)
        return emb.cos(), emb.sin()


def rotate_half(x):
    h = x.shape[-1] // 2
    return torch.cat((-x[..., h:], x[..., :h]), dim=-1)


def apply_rope(q, k, cos, sin):
    cos, sin = cos.unsqueeze(1), sin.unsqueeze(1)
    if MUTANT == "interleaved_rope":  # GPT-J / Meta-checkpoint pairing (2i, 2i+1) instead of (i, i + d/2)
        h = cos.shape[-1] // 2
        c, s_ = cos[..., :h].repeat_interleave(2, -1), sin[..., :h].repeat_interleave(2, -1)

        def rot(x):
            return torch.stack((-x[..., 1::2], x[..., 0::2]), dim=-1).flatten(-2)
        return q * c + rot(q) * s_, k * c + rot(k) * s_
    return q * cos + rotate_half(q) * sin, k * cos + rotate_half(k) * sin


def repeat_kv(x, n_rep):
    b, kvh, s, d = x.shape
    if MUTANT == "kv_head_modulo":
        return x.repeat(1, n_rep, 1, 1)
    return x[:, :, None, :, :].expand(b, kvh, n_rep, s, d).reshape(b, kvh * n_rep, s, d)


def lin(i, o, bias):
    return nn.Linear(i, o, bias=bias, dtype=torch.float64)


class Attention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        h, d = cfg.hidden_size, cfg.head_dim
        qkv_bias = True if cfg.arch == QWEN2 else cfg.attention_bias
        o_bias = False if cfg.arch == QWEN2 else cfg.attention_bias
        self.q_proj = lin(h, cfg.num_attention_heads * d, qkv_bias)
        self.k_proj = lin(h, cfg.num_key_value_heads * d, qkv_bias)
        self.v_proj = lin(h, cfg.num_key_value_heads * d, qkv_bias)
        self.o_proj = lin(cfg.num_attention_heads * d, h, o_bias)
        if cfg.arch == QWEN3:
            self.q_norm = RMSNorm(d, cfg.rms_norm_eps)
            self.k_norm = RMSNorm(d, cfg.rms_norm_eps)

    def forward(self, x, cos, sin, mask):
        b, s, _ = x.shape
        shape = (b, s, -1, self.cfg.head_dim)
        q = self.q_proj(x).view(shape)
        k = self.k_proj(x).view(shape)
        v = self.v_proj(x).view(shape).transpose(1, 2)
        if self.cfg.arch == QWEN3 and MUTANT != "rope_before_qk_norm":
            q, k = self.q_norm(q), self.k_norm(k)
        q, k = apply_rope(q.transpose(1, 2), k.transpose(1, 2), cos, sin)
        if self.cfg.arch == QWEN3 and MUTANT == "rope_before_qk_norm":
            q, k = self.q_norm(q.transpose(1, 2)).transpose(1, 2), self.k_norm(k.transpose(1, 2)).transpose(1, 2)
        groups = self.cfg.num_attention_heads // self.cfg.num_key_value_heads
        k, v = repeat_kv(k, groups), repeat_kv(v, groups)
        w = torch.matmul(q, k.transpose(2, 3)) * self.cfg.head_dim ** -0.5 + mask
        w = torch.softmax(w, dim=-1)
        out = torch.matmul(w, v).transpose(1, 2).reshape(b, s, -1)
        return self.o_proj(out)


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        bias = cfg.mlp_bias if cfg.arch == LLAMA else False
        h, i = cfg.hidden_size, cfg.intermediate_size
        self.gate_proj, self.up_proj, self.down_proj = lin(h, i, bias), lin(h, i, bias), lin(i, h, bias)

    def forward(self, x):
        return self.down_proj(nn.functional.silu(self.gate_proj(x)) * self.up_proj(x))


class Layer(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.self_attn = Attention(cfg)
        self.mlp = MLP(cfg)
        self.input_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.post_attention_layernorm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)

    def forward(self, x, cos, sin, mask):
        x = x + self.self_attn(self.input_layernorm(x), cos, sin, mask)
        return x + self.mlp(self.post_attention_layernorm(x))


class Backbone(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embed_tokens = nn.Embedding(cfg.vocab_size, cfg.hidden_size, dtype=torch.float64)
        self.layers = nn.ModuleList([Layer(cfg) for _ in range(cfg.num_hidden_layers)])
        self.norm = RMSNorm(cfg.hidden_size, cfg.rms_norm_eps)
        self.rotary_emb = Rotary(cfg)


class CausalLM(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.model = Backbone(cfg)
        self.lm_head = lin(cfg.hidden_size, cfg.vocab_size, False)
        if cfg.tie_word_embeddings:
            self.lm_head.weight = self.model.embed_tokens.weight

    def forward(self, ids):
        n = ids.shape[1]
        x = self.model.embed_tokens(ids)
        cos, sin = self.model.rotary_emb(torch.arange(n)[None, :])
        mask = torch.full((n, n), float("-inf"), dtype=torch.float64).triu(1)[None, None]
        for layer in self.model.layers:
            x = layer(x, cos, sin, mask)
        return self.lm_head(self.model.norm(x))


def build(dirname):
    with open(os.path.join(dirname, "config.json")) as f:
        cfg = Cfg(json.load(f))
    weights = load_safetensors(os.path.join(dirname, "model.safetensors"))
    model = CausalLM(cfg)
    if cfg.tie_word_embeddings:
        assert "lm_head.weight" not in weights
        weights = dict(weights, **{"lm_head.weight": weights["model.embed_tokens.weight"]})
    model.load_state_dict(weights, strict=True)
    if MUTANT == "no_qk_bias":
        for layer in model.model.layers:
            for proj in (layer.self_attn.q_proj, layer.self_attn.k_proj):
                if proj.bias is not None:
                    proj.bias.zero_()
    return cfg, model


def token_logprobs(logits, ids, temperature):
    lp = torch.log_softmax(logits / temperature, dim=-1)
    return lp[:-1].gather(1, ids[1:, None])[:, 0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump_dir")
    ap.add_argument("--write-fixtures", metavar="DIR")
    ap.add_argument("--mutants", action="store_true", help="also report how far deliberately buggy variants land")
    args = ap.parse_args()
    torch.set_grad_enabled(False)
    worst = 0.0
    names = sorted(n for n in os.listdir(args.dump_dir) if os.path.isdir(os.path.join(args.dump_dir, n)))
    if not names:
        sys.exit("no fixtures under " + args.dump_dir)
    for name in names:
        d = os.path.join(args.dump_dir, name)
        cfg, model = build(d)
        with open(os.path.join(d, "java.json")) as f:
            java = json.load(f)
        ids = torch.tensor(java["ids"], dtype=torch.int64)
        temp = java["temperature"]
        logits = model(ids[None, :])[0]
        lp1 = token_logprobs(logits, ids, 1.0)
        lpt = token_logprobs(logits, ids, temp)
        d_logits = (logits - torch.tensor(java["logits"], dtype=torch.float64)).abs().max().item()
        d_lp1 = (lp1 - torch.tensor(java["token_logprobs"], dtype=torch.float64)).abs().max().item()
        d_lpt = (lpt - torch.tensor(java["token_logprobs_t"], dtype=torch.float64)).abs().max().item()
        worst = max(worst, d_logits, d_lp1, d_lpt)
        print(f"{name:24s} {cfg.arch:17s} n={len(java['ids'])} V={cfg.vocab_size} kv={cfg.num_key_value_heads}"
              f"/{cfg.num_attention_heads} hd={cfg.head_dim} rope={cfg.rope_type}/{cfg.rope_theta:g}"
              f" tied={cfg.tie_word_embeddings} |logits|max={logits.abs().max().item():.3f}"
              f"  max|diff| logits={d_logits:.3e} logp={d_lp1:.3e} logp@T={d_lpt:.3e}")
        if args.write_fixtures:
            n = len(java["ids"])
            rows = sorted({0, 1, 2, n // 2, n - 2, n - 1})
            fixture = {
                "name": name,
                "architecture": cfg.arch,
                "fingerprint": java["fingerprint"],
                "generated_by": "model/src/test/python/reference_check.py with torch " + torch.__version__
                                + " in float64",
                "temperature": temp,
                "ids": java["ids"],
                "logits_rows": {str(r): logits[r].tolist() for r in rows},
                "logsumexp": torch.logsumexp(logits, dim=-1).tolist(),
                "token_logprobs": lp1.tolist(),
                "token_logprobs_t": lpt.tolist(),
            }
            os.makedirs(args.write_fixtures, exist_ok=True)
            with open(os.path.join(args.write_fixtures, name + ".json"), "w") as f:
                f.write("{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v)}" for k, v in fixture.items()) + "\n}\n")
    print(f"worst max|diff| = {worst:.3e} (tolerance {TOL:g})")
    if not worst <= TOL:
        sys.exit("MISMATCH between torch and the Java reference")
    if args.mutants:
        report_mutants(args.dump_dir, names)


def report_mutants(dump_dir, names):
    """Max |logit difference| between each buggy variant and the Java oracle (n/a: the bug cannot occur there)."""
    global MUTANT
    print("mutant max|logits - java| per fixture (all must be >> tolerance where applicable):")
    for mutant in MUTANTS:
        cells = []
        for name in names:
            d = os.path.join(dump_dir, name)
            with open(os.path.join(d, "java.json")) as f:
                java = json.load(f)
            MUTANT = mutant
            try:
                _, model = build(d)
                logits = model(torch.tensor(java["ids"], dtype=torch.int64)[None, :])[0]
            finally:
                MUTANT = None
            diff = (logits - torch.tensor(java["logits"], dtype=torch.float64)).abs().max().item()
            cells.append(f"{name}={diff:.1e}" if diff > 1e-9 else f"{name}=n/a")
        print(f"  {mutant:20s} " + " ".join(cells))


if __name__ == "__main__":
    main()
