"""Story finding: group a stream of articles into stories, online, with stable ids.

::

    article ─► cheap features (features) ─► near-copy? (copies: MinHash LSH)
            ─► candidate stories (index: inverted index over top terms)
            ─► join-or-start (clusterer: TF-IDF sub-vectors, time decay, thresholds)
            ─► stories (model), each labelled verbatim (label)
"""

from dossier.stories.clusterer import DEFAULT_MODEL, OnlineClusterer, Settings, find_stories
from dossier.stories.decision import JoinModel
from dossier.stories.features import Features, features_of
from dossier.stories.model import SCHEMA, Assignment, FoundStory, Merge, StoryArticle, StoryMap, story_id_for

__all__ = [
    "DEFAULT_MODEL",
    "SCHEMA",
    "Assignment",
    "Features",
    "FoundStory",
    "JoinModel",
    "Merge",
    "OnlineClusterer",
    "Settings",
    "StoryArticle",
    "StoryMap",
    "features_of",
    "find_stories",
    "story_id_for",
]
