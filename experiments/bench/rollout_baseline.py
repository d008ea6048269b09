#!/usr/bin/env python3
"""PyTorch-eager baseline for `reason4j bench rollout`: the same decoder (Qwen2/Llama/Qwen3 from an
HF directory written by reason4j), the same batch, prompt length and new tokens, with a preallocated
KV cache, inference mode, grouped-query attention by reshaping, HF-style (unfused) projections and multinomial sampling. Prints one JSON line
with the same fields as `reason4j bench rollout`.

Run with Debian's torch: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 rollout_baseline.py --model DIR --threads 2
"""
import argparse, json, math, struct, time

import numpy as np
import torch


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        b, e = info["data_offsets"]
        assert info["dtype"] == "F32", info["dtype"]
        out[name] = torch.from_numpy(np.frombuffer(data[b:e], dtype="<f4").copy()).reshape(info["shape"])
    return out


class Decoder:
    def __init__(self, cfg, w):
        self.cfg, self.w = cfg, w
        self.h = cfg["hidden_size"]
        self.nh = cfg["num_attention_heads"]
        self.nkv = cfg.get("num_key_value_heads", self.nh)
        self.hd = cfg.get("head_dim", self.h // self.nh)
        self.L = cfg["num_hidden_layers"]
        self.eps = cfg.get("rms_norm_eps", 1e-6)
        self.qk_norm = cfg["architectures"][0] == "Qwen3ForCausalLM"
        theta = cfg.get("rope_theta", 10000.0)
        inv = 1.0 / (theta ** (torch.arange(0, self.hd, 2, dtype=torch.float64) / self.hd))
        pos = torch.arange(8192, dtype=torch.float64)
        freqs = torch.outer(pos, inv)
        emb = torch.cat([freqs, freqs], -1)
        self.cos, self.sin = emb.cos().float(), emb.sin().float()
        self.head = w.get("lm_head.weight", w["model.embed_tokens.weight"])

    def norm(self, x, weight):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * weight

    def lin(self, x, p):
        return torch.nn.functional.linear(x, self.w[p + ".weight"], self.w.get(p + ".bias"))

    @staticmethod
    def rot(x, cos, sin):
        x1, x2 = x.chunk(2, -1)
        return x * cos + torch.cat([-x2, x1], -1) * sin

    def forward(self, ids, pos, kcache, vcache, start, key_mask):
        """ids (B,T), pos (B,T); writes the cache at [start, start+T); key_mask (B,S) bool."""
        B, T = ids.shape
        S = start + T
        x = self.w["model.embed_tokens.weight"][ids]
        cos, sin = self.cos[pos].unsqueeze(1), self.sin[pos].unsqueeze(1)  # (B,1,T,hd)
        causal = torch.arange(S).view(1, S) <= (torch.arange(T) + start).view(T, 1)
        allowed = causal.view(1, 1, T, S) & key_mask[:, :S].view(B, 1, 1, S)
        bias = torch.zeros(allowed.shape).masked_fill_(~allowed, -1e9)
        g = self.nh // self.nkv
        for i in range(self.L):
            p = f"model.layers.{i}."
            h = self.norm(x, self.w[p + "input_layernorm.weight"])
            q = self.lin(h, p + "self_attn.q_proj").view(B, T, self.nh, self.hd)
            k = self.lin(h, p + "self_attn.k_proj").view(B, T, self.nkv, self.hd)
            v = self.lin(h, p + "self_attn.v_proj").view(B, T, self.nkv, self.hd)
            if self.qk_norm:
                q = self.norm(q, self.w[p + "self_attn.q_norm.weight"])
                k = self.norm(k, self.w[p + "self_attn.k_norm.weight"])
            q = self.rot(q.transpose(1, 2), cos, sin)  # (B,nh,T,hd)
            k = self.rot(k.transpose(1, 2), cos, sin)
            kcache[i][:, :, start:S] = k
            vcache[i][:, :, start:S] = v.transpose(1, 2)
            # grouped-query attention by reshaping q (no repeat of K/V): head j uses kv head j // g
            kk, vv = kcache[i][:, :, :S], vcache[i][:, :, :S]
            qg = q.reshape(B, self.nkv, g * T, self.hd)
            att = (qg @ kk.transpose(-1, -2)).view(B, self.nkv, g, T, S) / math.sqrt(self.hd) + bias.unsqueeze(2)
            o = (att.softmax(-1).view(B, self.nkv, g * T, S) @ vv).view(B, self.nh, T, self.hd)
            o = o.transpose(1, 2).reshape(B, T, self.nh * self.hd)
            x = x + self.lin(o, p + "self_attn.o_proj")
            h = self.norm(x, self.w[p + "post_attention_layernorm.weight"])
            x = x + self.lin(torch.nn.functional.silu(self.lin(h, p + "mlp.gate_proj")) * self.lin(h, p + "mlp.up_proj"), p + "mlp.down_proj")
        return self.norm(x[:, -1], self.w["model.norm.weight"]) @ self.head.t()


def run(model, B, P, N, temperature, gen):
    cfg = model.cfg
    kc = [torch.zeros(B, model.nkv, P + N, model.hd) for _ in range(model.L)]
    vc = [torch.zeros(B, model.nkv, P + N, model.hd) for _ in range(model.L)]
    ids = torch.randint(0, min(256, cfg["vocab_size"]), (B, P), generator=gen)
    mask = torch.ones(B, P + N, dtype=torch.bool)
    t0 = time.perf_counter()
    logits = model.forward(ids, torch.arange(P).expand(B, P), kc, vc, 0, mask)
    t1 = time.perf_counter()
    for step in range(N):
        probs = (logits / temperature).softmax(-1)
        nxt = torch.multinomial(probs, 1, generator=gen)
        logp = (logits / temperature).log_softmax(-1).gather(1, nxt)
        pos = torch.full((B, 1), P + step)
        logits = model.forward(nxt, pos, kc, vc, P + step, mask)
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--prompt-len", type=int, default=64)
    ap.add_argument("--new-tokens", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--temperature", type=float, default=1.0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    cfg = json.load(open(a.model + "/config.json"))
    model = Decoder(cfg, load_safetensors(a.model + "/model.safetensors"))
    gen = torch.Generator().manual_seed(7)
    best = None
    with torch.inference_mode():
        run(model, a.batch, a.prompt_len, a.new_tokens, a.temperature, gen)  # warm-up
        for _ in range(a.repeats):
            r = run(model, a.batch, a.prompt_len, a.new_tokens, a.temperature, gen)
            if best is None or sum(r) < sum(best):
                best = r
    prefill, decode = best
    gen_tokens = a.batch * a.new_tokens
    print(json.dumps({"engine": "pytorch-eager " + torch.__version__, "batch": a.batch, "prompt_len": a.prompt_len,
                      "new_tokens": a.new_tokens, "threads": a.threads,
                      "tokens_per_s": gen_tokens / (prefill + decode),
                      "prefill_tokens_per_s": a.batch * a.prompt_len / prefill,
                      "ms_per_decode_step": 1000 * decode / a.new_tokens, "wall_s": prefill + decode}))


if __name__ == "__main__":
    main()
