"""How common a word is in the language at large (wordfreq's Zipf scale, 0-8).

Used as open-vocabulary evidence of specificity: a word the genre model has not seen and that
is rare in the language ("forklift", "Backstube", "reroute") is more likely a detail from the
conversation than a stock phrase. wordfreq ships its frequency lists inside the package; the
small lists (words down to Zipf 3) are enough for the buckets used here and load fast.
"""

from __future__ import annotations

_MEMO_MAX = 200_000
_BUCKETS: dict[tuple[str, str], str] = {}


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of ``word`` (lowercase) in ``lang``; 0.0 for words below Zipf 3."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, lang, wordlist="small"))


def rarity(word: str, lang: str) -> str:
    """A coarse bucket: ``rare`` (< 3), ``uncommon`` (3-4), ``mid`` (4-5), ``common`` (>= 5).

    Memoized per word (the bucket is all the features use; one memo, not two)."""
    hit = _BUCKETS.get((lang, word))
    if hit is None:
        hit = _bucket(zipf(word, lang))
        if len(_BUCKETS) < _MEMO_MAX:
            _BUCKETS[(lang, word)] = hit
    return hit


def _bucket(z: float) -> str:
    if z < 3.0:
        return "rare"
    if z < 4.0:
        return "uncommon"
    if z < 5.0:
        return "mid"
    return "common"
