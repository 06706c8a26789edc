"""Scratch: fit the join model with extra features, refit relation model, score 1-35 and MultiLing."""

import dataclasses, random, statistics, sys, time
from collections import Counter

sys.argv_extra = sys.argv[1:]
import bench_stories as B
import train_story_join as T
from dossier.stories import OnlineClusterer
from dossier.stories import clusterer as C
from dossier.stories.decision import fit, RELATION_FEATURES

DROP = []
GATE = None  # (key, min novelty, max members, probability needed)


class Gated(OnlineClusterer):
    def _candidates(self, article, features, vectors):
        self._nov = self._novelty(vectors, article.published)
        return super()._candidates(article, features, vectors)

    def _join_threshold(self, story):
        base = super()._join_threshold(story)
        if GATE is not None:
            key, cut, members, needed = GATE
            if len(story.members) <= members and self._nov[key] >= cut:
                return max(base, needed)
        return base


def run(docs, settings, orders):
    ev, tp, kinds = [], [], Counter()
    gold_e = [d.event for d in docs]
    gold_t = [d.topic for d in docs]
    for seed in range(orders):
        order = list(range(len(docs)))
        random.Random(seed).shuffle(order)
        cl = Gated(settings)
        placements = [(docs[i].event, cl.add(docs[i].article, docs[i].features)) for i in order]
        kinds.update(B.join_kinds(placements).kinds)
        stories = [cl.story_of(d.article.id) or "" for d in docs]
        topics = [cl.topic_of(s) for s in stories]
        ev.append(B.bcubed_f1(stories, gold_e))
        tp.append(B.bcubed_f1(topics, gold_t))
    return (
        statistics.fmean(ev),
        min(ev),
        statistics.fmean(tp),
        kinds["stray"] / orders,
        kinds["follower"] / orders,
        statistics.fmean(len(set(cl.story_of(d.article.id) for d in docs)) for _ in [0]),
    )


def main():
    args = sys.argv[1:]
    orders = 5
    extras = []
    jt, fjt = 0.1, 0.4
    for a in args:
        if a.startswith("orders="):
            orders = int(a[7:])
        elif a.startswith("top="):
            C.NOVELTY_NAMES = int(a[4:])
        elif a == "all":
            C.NOVELTY_ALL = True
        elif a.startswith("jt="):
            jt = float(a[3:])
        elif a.startswith("fjt="):
            fjt = float(a[4:])
        elif a == "committed":
            pass
        elif a == "refit":
            pass
        elif a in ("keeprel", "cv"):
            pass
        elif a.startswith("drop="):
            DROP.extend(a[5:].split(","))
        elif a.startswith("gate="):
            global GATE
            k, c, m, n = a[5:].split(",")
            GATE = (k, float(c), int(m), float(n))
        else:
            extras.append(a)
    t0 = time.process_time()
    if "cv" in args:
        feats = tuple(f for f in (*T.JOIN_FEATURES, *extras) if f not in DROP)
        T.MODELS = ((T.MODELS[0][0], T.MODELS[0][1], feats), T.MODELS[1])
        T.cross_validate(B.split(B.load(), B.TUNE_TOPICS), 5, 3, 1.0)
        print(f"RESULT CV {' '.join(args)} cpu {time.process_time() - t0:.0f}s", flush=True)
        return
    docs = B.split(B.load(), B.TUNE_TOPICS)
    ml = B.load_multiling()
    base = B.SETTINGS
    if extras or "refit" in args:
        rows, labels = T.training_pairs(docs, 3, B.by_event)
        feats = tuple(f for f in (*T.JOIN_FEATURES, *extras) if f not in DROP)
        fitted = fit(rows, labels, l2=1.0, features=feats)
        join = dataclasses.replace(
            fitted, coefficients={**fitted.coefficients, "days": T.DAYS["DEFAULT_MODEL"]}
        )
        s = dataclasses.replace(base, model=join)
        rr, rl = T.relation_pairs(docs, 3, s)
        rel = fit(rr, rl, l2=1.0, features=RELATION_FEATURES)
        if "keeprel" in args:
            rel = base.relation_model
        settings = dataclasses.replace(s, relation_model=rel, join_threshold=jt, first_join_threshold=fjt)
        print("join", join, flush=True)
        print("rel", rel, flush=True)
    else:
        settings = dataclasses.replace(base, join_threshold=jt, first_join_threshold=fjt)
    e, emin, t, st, fo, _ = run(docs, settings, orders)
    me, memin, mt, mst, mfo, _ = run(ml, settings, orders)
    print(
        f"RESULT {' '.join(args)}: 1-35 events {e:.4f} (min {emin:.4f}) topics {t:.4f} strays {st:.1f} followers {fo:.1f} | multiling stories {me:.4f} topics {mt:.4f} | cpu {time.process_time() - t0:.0f}s",
        flush=True,
    )


main()
