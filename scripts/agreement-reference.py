#!/usr/bin/env python3
"""Reference agreement figures for Parley's agreement tests.

Reads every annotations/agreement/test-fixtures/*.json fixture and writes
annotations/agreement/test-fixtures/reference-values.json, computed
independently of the TypeScript engine:

- Cohen's kappa with sklearn.metrics.cohen_kappa_score;
- Krippendorff's alpha with nltk.metrics.agreement.AnnotationTask
  (distance=binary_distance).alpha();
- lenient matching with scipy.optimize.linear_sum_assignment;
- instance and token F1 and the confusion matrix in plain Python, following
  the definitions in docs/agreement.md.

Tokens are re-derived here from the text with the documented rule (maximal
runs of characters outside Unicode White_Space); fixture offsets are UTF-16
code units, as Parley stores them, and are converted to code points here.

Run with Debian's python3 (python3-sklearn, python3-nltk):
    /usr/bin/python3 scripts/agreement-reference.py
"""
import json
import math
import sys
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from nltk.metrics.distance import binary_distance
from scipy.optimize import linear_sum_assignment
from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "annotations" / "agreement" / "test-fixtures"
OUTPUT = FIXTURES / "reference-values.json"

# The Unicode White_Space property, listed explicitly so the rule does not
# depend on Python's idea of str.isspace().
WHITE_SPACE = set(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)


def tokenize(text):
    """(start, end) code point offsets of maximal non-White_Space runs."""
    tokens, start = [], None
    for i, ch in enumerate(text):
        if ch in WHITE_SPACE:
            if start is not None:
                tokens.append((start, i))
                start = None
        elif start is None:
            start = i
    if start is not None:
        tokens.append((start, len(text)))
    return tokens


def utf16_to_code_points(text):
    """Map from every UTF-16 offset at a character boundary to its code point offset."""
    mapping, unit = {}, 0
    for i, ch in enumerate(text):
        mapping[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    mapping[unit] = len(text)
    return mapping


def load(path):
    fixture = json.loads(path.read_text(encoding="utf-8"))
    annotators = fixture["annotators"]
    documents = []
    for doc in fixture["documents"]:
        text = doc["text"]
        to_cp = utf16_to_code_points(text)
        layers = {}
        for name in annotators:
            if name not in doc["annotations"]:
                continue
            spans = []
            for start, end, label, quote in doc["annotations"][name]:
                s, e = to_cp[start], to_cp[end]
                if text[s:e] != quote:
                    sys.exit(f"{path.name}: {doc['id']} {name}: [{start}, {end}) is {text[s:e]!r}, expected {quote!r}")
                spans.append((s, e, label))
            layers[name] = spans
        documents.append({"id": doc["id"], "text": text, "tokens": tokenize(text), "layers": layers})
    return annotators, documents


def f1(matches, a, b):
    return None if a + b == 0 else 2 * matches / (a + b)


def multiset_matches(xs, ys):
    cx, cy = Counter(xs), Counter(ys)
    return sum(min(n, cy[k]) for k, n in cx.items())


def token_items(spans, tokens):
    items = []
    for s, e, label in spans:
        for i, (ts, te) in enumerate(tokens):
            if ts < e and s < te:
                items.append((i, label))
    return items


def lenient_matches(xs, ys):
    if not xs or not ys:
        return 0
    overlap = np.array([[1 if a[0] < b[1] and b[0] < a[1] else 0 for b in ys] for a in xs])
    rows, cols = linear_sum_assignment(overlap, maximize=True)
    return int(overlap[rows, cols].sum())


def categories(spans, tokens):
    """Per token: 'none', one label, or the sorted labels joined with '+'."""
    out = []
    for ts, te in tokens:
        labels = sorted({label for s, e, label in spans if s < te and ts < e})
        out.append("+".join(labels) if labels else "none")
    return out


def has_label(category, label):
    return "yes" if category != "none" and label in category.split("+") else "no"


def kappa(ya, yb):
    if len(ya) == 0:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = float(cohen_kappa_score(ya, yb))
    return None if math.isnan(value) else value


def alpha(data):
    """data: (coder, item, value) triples. None when no item has two values or only one value occurs among them."""
    per_item = Counter(item for _, item, _ in data)
    pairable = [d for d in data if per_item[d[1]] >= 2]
    if not pairable or len({v for _, _, v in pairable}) < 2:
        return None
    return float(AnnotationTask(data=pairable, distance=binary_distance).alpha())


def summary(values):
    defined = [v for v in values if v is not None]
    if not defined:
        return {"mean": None, "sd": None}
    mean = sum(defined) / len(defined)
    return {"mean": mean, "sd": math.sqrt(sum((v - mean) ** 2 for v in defined) / len(defined))}


def report(annotators, documents):
    compared = [d for d in documents if len(d["layers"]) >= 2]
    labels = sorted({label for d in compared for spans in d["layers"].values() for _, _, label in spans})
    pairs = [(a, b) for i, a in enumerate(annotators) for b in annotators[i + 1:]]
    cats = {d["id"]: {n: categories(spans, d["tokens"]) for n, spans in d["layers"].items()} for d in compared}

    def f1_pair(a, b, count):
        """count(doc, xs, ys) -> (matches, na, nb) for the given annotation lists."""
        docs = [d for d in compared if a in d["layers"] and b in d["layers"]]

        def pooled(doc_list, label=None):
            m = na = nb = 0
            for d in doc_list:
                xs = [x for x in d["layers"][a] if label is None or x[2] == label]
                ys = [y for y in d["layers"][b] if label is None or y[2] == label]
                # matches never cross labels, so per-label sums equal the whole-document count
                dm, dna, dnb = count(d, xs, ys)
                m, na, nb = m + dm, na + dna, nb + dnb
            return m, na, nb

        total = pooled(docs)
        return {
            "a": a, "b": b,
            "total": f1(*total),
            "perLabel": {l: f1(*pooled(docs, l)) for l in labels},
            "perDocument": {d["id"]: f1(*pooled([d])) for d in docs},
            "counts": {"matches": total[0], "a": total[1], "b": total[2]},
        }

    def instance(d, xs, ys):
        return multiset_matches(xs, ys), len(xs), len(ys)

    def token(d, xs, ys):
        ix, iy = token_items(xs, d["tokens"]), token_items(ys, d["tokens"])
        return multiset_matches(ix, iy), len(ix), len(iy)

    def lenient(d, xs, ys):
        m = sum(lenient_matches([x for x in xs if x[2] == l], [y for y in ys if y[2] == l]) for l in {s[2] for s in xs + ys})
        return m, len(xs), len(ys)

    def table_pair(a, b, score):
        docs = [d for d in compared if a in d["layers"] and b in d["layers"]]
        ya = [c for d in docs for c in cats[d["id"]][a]]
        yb = [c for d in docs for c in cats[d["id"]][b]]
        return {
            "a": a, "b": b,
            "total": score(ya, yb),
            "perLabel": {l: score([has_label(c, l) for c in ya], [has_label(c, l) for c in yb]) for l in labels},
            "perDocument": {d["id"]: score(cats[d["id"]][a], cats[d["id"]][b]) for d in docs},
        }

    def pair_alpha(ya, yb):
        return alpha([("a", i, v) for i, v in enumerate(ya)] + [("b", i, v) for i, v in enumerate(yb)])

    def measure(pair_figures):
        return {
            "total": summary([p["total"] for p in pair_figures]),
            "perLabel": {l: summary([p["perLabel"][l] for p in pair_figures]) for l in labels},
            "perDocument": {d["id"]: summary([p["perDocument"][d["id"]] for p in pair_figures if d["id"] in p["perDocument"]]) for d in compared},
            "pairs": pair_figures,
        }

    def all_alpha(docs, value=lambda c: c):
        return alpha([(n, (d["id"], t), value(c)) for d in docs for n, cs in cats[d["id"]].items() for t, c in enumerate(cs)])

    confusion = Counter()
    for a, b in pairs:
        for d in compared:
            if a in d["layers"] and b in d["layers"]:
                for x in d["layers"][a]:
                    for y in d["layers"][b]:
                        if x[0] < y[1] and y[0] < x[1] and x[0] < x[1] and y[0] < y[1]:
                            confusion[(x[2], y[2])] += 1
    confusion_labels = labels + sorted({l for k in confusion for l in k} - set(labels))

    return {
        "annotators": annotators,
        "labels": labels,
        "instance": measure([f1_pair(a, b, instance) for a, b in pairs]),
        "token": measure([f1_pair(a, b, token) for a, b in pairs]),
        "lenient": measure([f1_pair(a, b, lenient) for a, b in pairs]),
        "kappa": measure([table_pair(a, b, kappa) for a, b in pairs]),
        "alpha": {
            "total": {"mean": all_alpha(compared), "sd": None},
            "perLabel": {l: {"mean": all_alpha(compared, lambda c, l=l: has_label(c, l)), "sd": None} for l in labels},
            "perDocument": {d["id"]: {"mean": all_alpha([d]), "sd": None} for d in compared},
            "pairs": [table_pair(a, b, pair_alpha) for a, b in pairs],
        },
        "confusion": {
            "labels": confusion_labels,
            "counts": [[confusion[(r, c)] for c in confusion_labels] for r in confusion_labels],
        },
    }


def main():
    values = {}
    for path in sorted(FIXTURES.glob("*.json")):
        if path == OUTPUT:
            continue
        values[path.name] = report(*load(path))
    OUTPUT.write_text(json.dumps(values, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(values)} fixtures)")


if __name__ == "__main__":
    main()
