"""Scratch harness of helper storyq11 (reverted): fit and score story models over extra spaces.

    PYTHONPATH=src:benchmarks python scripts/scratch_story_spaces.py cv|full VARIANT [same|rbase] [ORDERS]
"""
import dataclasses, json, random, statistics, sys, time
from collections import Counter
sys.path.insert(0, "scripts")
import train_story_join as T
import bench_stories as B
from dossier.stories import OnlineClusterer
from dossier.stories.decision import DECISION_FEATURES, JoinModel

BASE_SPACES = ("entities_title", "entities_body", "stems_title", "stems_body", "figures")
NEW = ("entities_all", "stems_all")
OTHER = tuple(f for f in DECISION_FEATURES if f not in BASE_SPACES + NEW)

def feats(spaces, join=True):
    other = tuple(f for f in OTHER if not (join and f == "names_missing"))
    return tuple(spaces) + other

VARIANTS = {
    "base": BASE_SPACES,
    "both": BASE_SPACES + NEW,
    "ents_all": BASE_SPACES + ("entities_all",),
    "stems_all": BASE_SPACES + ("stems_all",),
    "replace_title": ("entities_body", "stems_body", "figures") + NEW,
}
REL_VARIANTS = {
    "rbase": ("entities_title", "entities_body", "stems_title", "stems_body"),
}

def configure(name, rel="same"):
    spaces = VARIANTS[name]
    T.MODELS = (
        ("DEFAULT_MODEL", B.by_event, feats(spaces, True)),
        ("DEFAULT_TOPIC_MODEL", B.by_topic, feats(spaces, False)),
    )
    if rel == "same":
        rspaces = [s for s in spaces if s != "figures"]
    else:
        rspaces = list(REL_VARIANTS[rel])
    T.RELATION_FEATURES = tuple(f"centroid_{s}" for s in rspaces)

def run_scored(docs, settings, orders):
    vals = {"events": [], "topics": []}; counts = {"events": [], "topics": []}
    kinds = Counter(); pr = []
    for seed in range(orders):
        order = list(range(len(docs))); random.Random(seed).shuffle(order)
        c = OnlineClusterer(settings)
        placements = [(docs[i].event, c.add(docs[i].article, docs[i].features)) for i in order]
        kinds.update(B.join_kinds(placements).kinds)
        stories = [c.story_of(d.article.id) or "" for d in docs]
        topics = [c.topic_of(s) for s in stories]
        for grain, pred in (("events", stories), ("topics", topics)):
            gold = [B.by_event(d) if grain == "events" else B.by_topic(d) for d in docs]
            vals[grain].append(B.bcubed_f1(pred, gold)); counts[grain].append(len(set(pred)))
    return {g: (statistics.fmean(vals[g]), min(vals[g]), statistics.fmean(counts[g])) for g in vals}, \
        (kinds["stray"] / orders, kinds["follower"] / orders)

def main():
    mode, name = sys.argv[1], sys.argv[2]
    rel = sys.argv[3] if len(sys.argv) > 3 else "same"
    configure(name, rel)
    docs = B.split(B.load(), B.TUNE_TOPICS)
    t = time.process_time()
    if mode == "cv":
        T.cross_validate(docs, 5, 3, 1.0)
        print(f"[{name}/{rel}] cv cpu {time.process_time()-t:.0f}s", flush=True)
        return
    models = T.fit_models(docs, 3, 1.0)
    for k, m in models.items():
        print(f"{k} = {m!r}")
    json.dump({k: m.to_dict() for k, m in models.items()}, open(f"models_{name}_{rel}.json", "w"))
    settings = dataclasses.replace(B.SETTINGS, model=models["DEFAULT_MODEL"],
        topic_model=models["DEFAULT_TOPIC_MODEL"], relation_model=models["DEFAULT_RELATION_MODEL"])
    orders = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    for label, part in (("tune", docs), ("multiling", B.load_multiling())):
        res, (strays, followers) = run_scored(part, settings, orders)
        print(f"[{name}/{rel}] {label} {orders} orders: events {res['events'][0]:.4f} (min {res['events'][1]:.4f}, {res['events'][2]:.1f}) "
              f"topics {res['topics'][0]:.4f} (min {res['topics'][1]:.4f}, {res['topics'][2]:.1f}) strays {strays:.1f} followers {followers:.1f}", flush=True)
    print(f"[{name}/{rel}] cpu {time.process_time()-t:.0f}s", flush=True)

main()
