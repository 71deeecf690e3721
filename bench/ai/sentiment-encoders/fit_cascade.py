"""Fits SentimentModel's two softmax layers on the even rows of /tmp/exp/features-cascade.csv (CascadeFeatures),
scores the cascade on the odd rows (and the reverse, and 5-fold), and prints the weights as Java, folded back to
raw features. Classes in the model: 0 positive, 1 neutral, 2 negative; tweeteval labels: 0 negative, 1 neutral, 2
positive."""
import numpy as np, sys
from fit import macro_f1, fit_weights as fit   # fit.py beside this script (Python puts its folder on the path)
d = np.genfromtxt('/tmp/exp/features-cascade.csv', delimiter=',', skip_header=1)
y = 2 - d[:, 0].astype(int)                      # to the model's class order
X13 = d[:, 1:]; X9 = X13[:, :9]
TAU = float(sys.argv[1]) if len(sys.argv) > 1 else 0.6

def probs(X, W, b):
    L = X @ W + b; L -= L.max(1, keepdims=True); P = np.exp(L); return P / P.sum(1, keepdims=True)

def cascade(tr, te):
    W1, b1 = fit(X9[tr], y[tr]); W2, b2 = fit(X13[tr], y[tr])
    P1 = probs(X9[te], W1, b1); P2 = probs(X13[te], W2, b2)
    unsure = P1.max(1) < TAU
    pred = np.where(unsure, P2.argmax(1), P1.argmax(1))
    return macro_f1(y[te], P1.argmax(1)), macro_f1(y[te], pred), unsure.mean(), (W1, b1, W2, b2)

n = len(y); even, odd = np.arange(0, n, 2), np.arange(1, n, 2)
s1, c, esc, weights = cascade(even, odd)
print(f"tau {TAU}: fit even -> odd: stage 1 {s1:.4f}, cascade {c:.4f}, escalated {esc:.2f}")
s1r, cr, escr, _ = cascade(odd, even)
print(f"tau {TAU}: fit odd -> even: stage 1 {s1r:.4f}, cascade {cr:.4f}, escalated {escr:.2f}")
rng = np.random.default_rng(0); idx = rng.permutation(n); folds = np.array_split(idx, 5); a, b = [], []
for k in range(5):
    te = folds[k]; tr = np.concatenate([folds[j] for j in range(5) if j != k])
    r = cascade(tr, te); a.append(r[0]); b.append(r[1])
print(f"5-fold: stage 1 {np.mean(a):.4f} +- {np.std(a):.4f}, cascade {np.mean(b):.4f} +- {np.std(b):.4f}")
W1, b1, W2, b2 = weights
P1 = probs(X9, W1, b1); P2 = probs(X13, W2, b2); unsure = P1.max(1) < TAU
print(f"fit even, scored on all rows: stage 1 {macro_f1(y, P1.argmax(1)):.4f}, cascade {macro_f1(y, np.where(unsure, P2.argmax(1), P1.argmax(1))):.4f}")
def java(name, W, b):
    rows = ",\n".join("        {" + ", ".join(f"{v:.5f}" for v in r) + "}" for r in W)
    print(f"    static final double[][] {name} = {{\n{rows},\n    }};")
    print(f"    static final double[] {name.replace('WEIGHTS', 'BIAS')} = {{" + ", ".join(f"{v:.5f}" for v in b) + "};")
if '--java' in sys.argv:
    java("WEIGHTS", W1, b1); java("WEIGHTS_E5", W2, b2)
