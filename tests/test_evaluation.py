"""The scorer: each rule of the protocol (shared/eval/README.md) on a tiny hand-built gold set."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluation import (
    LENIENT,
    STRICT,
    GoldSet,
    SetScores,
    fold_name,
    format_diagnostics,
    format_report,
    is_role,
    load_gold_set,
    load_predictions,
    match_quotes,
    pool,
    score_set,
    scores_to_json,
    write_predictions,
)

SEED = Path("/work/shared/eval/seed")

DOC = "doc-fr"
TEXT = (
    "« Nous resterons fermes », a déclaré Pete Hegseth mercredi. "
    "Le secrétaire à la Défense a ajouté que l'Europe devait payer sa part. "
    "Hegses a aussi dit que la guerre devait finir bientôt. "
    "Selon Donald Trump, les négociations avancent vite. "
    "Des responsables ont estimé que rien n'était fait. "
    "Le reporter Chris Miller a contribué à cet article."
)
ENTITIES = [
    {
        "name": "Pete Hegseth",
        "type": "PER",
        "mentions": ["Pete Hegseth", "Hegses", "Le secrétaire à la Défense"],
        "speaks": True,
    },
    {"name": "Donald Trump", "type": "PER", "mentions": ["Donald Trump", "Trump"], "speaks": True},
    {
        "name": "Chris Miller",
        "type": "PER",
        "mentions": ["Chris Miller", "Le reporter"],
        "speaks": False,
    },
]


def span(sub: str, text: str = TEXT) -> list[int]:
    start = text.index(sub)
    assert text.find(sub, start + 1) == -1, f"{sub!r} is ambiguous in the test text"
    return [start, start + len(sub)]


def gold_quote(
    qid: str,
    content: str,
    speaker: str | None,
    mention: str | None = None,
    cue: str | None = None,
    *,
    optional: bool = False,
    doc_id: str = DOC,
    text: str = TEXT,
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "id": qid,
        "kind": "indirect",
        "content_span": span(content, text),
        "speaker_span": span(mention, text) if mention else None,
        "cue_span": span(cue, text) if cue else None,
        "speaker": speaker,
        "optional": optional,
        "content": content,
        "speaker_mention": mention,
        "cue": cue,
    }


GOLD_QUOTES = [
    gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth", "Pete Hegseth", "a déclaré"),
    gold_quote(
        "Q2",
        "l'Europe devait payer sa part",
        "Pete Hegseth",
        "Le secrétaire à la Défense",
        "a ajouté",
    ),
    gold_quote("Q3", "la guerre devait finir bientôt", "Pete Hegseth", "Hegses", "a aussi dit"),
    gold_quote("Q4", "les négociations avancent vite", "Donald Trump", "Donald Trump", "Selon"),
    gold_quote("Q5", "rien n'était fait", "officials", "Des responsables", "ont estimé"),
]


def write_set(
    folder: Path,
    quotes: list[dict[str, Any]],
    *,
    entities: list[dict[str, Any]] | None = ENTITIES,
    stances: list[dict[str, Any]] | None = None,
    articles: list[dict[str, Any]] | None = None,
) -> GoldSet:
    folder.mkdir(parents=True, exist_ok=True)

    def dump(name: str, rows: list[dict[str, Any]]) -> None:
        lines = (json.dumps(row, ensure_ascii=False) for row in rows)
        (folder / name).write_text("".join(line + "\n" for line in lines), encoding="utf-8")

    dump("articles.jsonl", articles or [{"doc_id": DOC, "lang": "fr", "text": TEXT}])
    dump("quotes.jsonl", quotes)
    if entities is not None:
        dump("entities.jsonl", [{"doc_id": DOC, **e} for e in entities])
    if stances is not None:
        dump("stances.jsonl", stances)
    return load_gold_set(folder)


def pred(
    content: str | list[int],
    *,
    mention: str | None = None,
    cue: str | None = None,
    name: str | None = None,
    sid: str | None = None,
    aliases: tuple[str, ...] = (),
    polarity: str | None = None,
    doc_id: str = DOC,
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "content_span": content if isinstance(content, list) else span(content),
        "speaker_span": span(mention) if mention else None,
        "cue_span": span(cue) if cue else None,
        "kind": "indirect",
        "speaker_id": sid,
        "speaker_name": name,
        "speaker_aliases": list(aliases),
        "stance_target": None,
        "stance_polarity": polarity,
    }


@pytest.fixture
def gold(tmp_path: Path) -> GoldSet:
    return write_set(tmp_path / "mini", GOLD_QUOTES)


def kinds(scores: SetScores) -> list[str]:
    return [d.kind for d in scores.diagnostics]


# ------------------------------------------------------------------ folding and name tests


def test_fold_name_drops_case_accents_and_punctuation() -> None:
    assert fold_name("  Jan HAMÁČEK ") == "jan hamacek"
    assert fold_name("Solidaires Étudiant-e-s") == "solidaires etudiant e s"
    assert fold_name("Quai d’Orsay") == fold_name("quai d'orsay") == "quai d orsay"


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("le ministre", True),
        ("Le secrétaire à la Défense", True),
        ("L’épidémiologiste Roman Prymula", True),
        ("The priest", True),
        ("an industry body", True),
        ("Cette jeune fille de 20 ans", True),
        ("Pete Hegseth", False),
        ("Mr Obama", False),
        ("President Barack Obama", False),
        ("De Gaulle", False),
    ],
)
def test_role_is_lowercase_start_or_determiner(name: str, role: bool) -> None:
    assert is_role(name) is role


# ------------------------------------------------------------------ quote matching


def test_threshold_is_overlap_over_gold_length(tmp_path: Path) -> None:
    content = "l'Europe devait payer sa part"  # 29 characters
    gold = write_set(tmp_path / "g", [gold_quote("Q1", content, "Pete Hegseth")])
    start, end = span(content)
    assert end - start == 29
    # 9/29 = 0.31 >= 0.3 but < 0.8; 8/29 = 0.28 < 0.3; a long overrun does not hurt recall.
    assert score_set(gold, [pred([start, start + 9])]).quotes[LENIENT].matched == 1
    assert score_set(gold, [pred([start, start + 9])]).quotes[STRICT].matched == 0
    assert score_set(gold, [pred([start, start + 8])]).quotes[LENIENT].matched == 0
    over = score_set(gold, [pred([start - 40, end])])
    assert over.quotes[STRICT].matched == 1
    assert over.f1(STRICT) == 1.0


def test_precision_recall_counts(gold: GoldSet) -> None:
    preds = [pred("Nous resterons fermes"), pred("les négociations avancent vite"), pred([0, 1])]
    scores = score_set(gold, preds)
    counts = scores.quotes[LENIENT]
    assert (counts.gold, counts.predicted, counts.matched) == (5, 3, 2)
    assert scores.precision() == pytest.approx(2 / 3)
    assert scores.recall() == pytest.approx(2 / 5)
    assert scores.f1() == pytest.approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert kinds(scores).count("miss") == 3
    assert kinds(scores).count("false_positive") == 1


def test_greedy_takes_largest_overlap_first_not_the_largest_matching() -> None:
    gold_spans = [(0, 10), (10, 20)]
    # P0 covers 40% of G0; P1 covers 90% of G0 and 50% of G1. Greedy pairs G0-P1 first, which
    # leaves G1 and P0 without partner, although G0-P0 + G1-P1 would make two matches.
    assert match_quotes(gold_spans, [(6, 10), (1, 15)], LENIENT) == {0: 1}


def test_matching_is_one_to_one(gold: GoldSet) -> None:
    q1, q2 = span("Nous resterons fermes"), span("l'Europe devait payer sa part")
    covering_both = pred([q1[0], q2[1]])
    scores = score_set(gold, [covering_both])
    assert scores.quotes[LENIENT].matched == 1
    duplicates = score_set(gold, [pred("Nous resterons fermes"), pred("Nous resterons fermes")])
    assert duplicates.quotes[LENIENT].matched == 1
    assert duplicates.precision() == 0.5


def test_equal_overlap_prefers_the_tighter_prediction() -> None:
    assert match_quotes([(10, 20)], [(0, 30), (10, 20)], STRICT) == {0: 1}


def test_optional_gold_counts_neither_way(tmp_path: Path) -> None:
    quotes = [
        gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth"),
        gold_quote(
            "Q2",
            "l'Europe devait payer sa part",
            "Pete Hegseth",
            "Le secrétaire à la Défense",
            "a ajouté",
            optional=True,
        ),
        gold_quote("Q3", "la guerre devait finir bientôt", "Pete Hegseth", optional=True),
    ]
    gold = write_set(tmp_path / "g", quotes)
    preds = [pred("Nous resterons fermes", sid="a"), pred("l'Europe devait payer", sid="a")]
    scores = score_set(gold, preds)
    counts = scores.quotes[LENIENT]
    assert (counts.gold, counts.predicted, counts.on_optional, counts.matched) == (1, 2, 1, 1)
    assert scores.precision() == 1.0 and scores.recall() == 1.0
    assert "miss" not in kinds(scores) and "false_positive" not in kinds(scores)
    # Nor is the optional match scored for its attribution: its wrong mention, cue and
    # speaker, and its pair with Q1, are left out.
    assert (scores.mention.total, scores.cue.total, scores.resolution.total) == (0, 0, 1)
    assert scores.clustering.predicted_pairs == 0


def test_matching_runs_against_optional_gold_too(tmp_path: Path) -> None:
    # The prediction overlaps the optional gold best: it is taken by it, not by the scored one.
    quotes = [
        gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth"),
        gold_quote("Q2", "a déclaré Pete Hegseth mercredi", None, optional=True),
    ]
    gold = write_set(tmp_path / "g", quotes)
    start = span("resterons")[0]
    scores = score_set(gold, [pred([start, span("mercredi")[1]])])
    counts = scores.quotes[LENIENT]
    assert (counts.matched, counts.on_optional, counts.scored_predictions) == (0, 1, 0)
    assert scores.recall() == 0.0
    assert scores.precision() is None


def test_predictions_of_other_articles_are_ignored(gold: GoldSet) -> None:
    scores = score_set(gold, [pred("Nous resterons fermes", doc_id="elsewhere")])
    assert scores.quotes[LENIENT].predicted == 0
    assert scores.ignored_predictions == 1


# ------------------------------------------------------------------ mention and cue


def test_mention_and_cue_need_one_shared_character(gold: GoldSet) -> None:
    preds = [
        pred("Nous resterons fermes", mention="Hegseth", cue="déclaré"),  # partial overlaps: ok
        pred("l'Europe devait payer sa part", mention="a ajouté", cue="que l'Europe"),
        pred("la guerre devait finir bientôt"),  # no mention, no cue predicted
    ]
    scores = score_set(gold, preds)
    assert (scores.mention.correct, scores.mention.total) == (1, 3)
    assert (scores.cue.correct, scores.cue.total) == (1, 3)


def test_null_gold_speaker_span_and_cue_are_not_scored(tmp_path: Path) -> None:
    gold = write_set(tmp_path / "g", [gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth")])
    scores = score_set(gold, [pred("Nous resterons fermes")])
    assert scores.mention.total == 0 and scores.cue.total == 0
    assert scores.mention_accuracy is None


# ------------------------------------------------------------------ speaker resolution


def resolution(gold: GoldSet, **kwargs: Any) -> tuple[int, int]:
    scores = score_set(gold, [pred("Nous resterons fermes", **kwargs)])
    return scores.resolution.correct, scores.resolution.total


def test_resolution_by_name_or_mention_folded(gold: GoldSet) -> None:
    assert resolution(gold, name="Pete Hegseth") == (1, 1)
    assert resolution(gold, name="PETE HEGSÉTH") == (1, 1)
    assert resolution(gold, name="Hegses") == (1, 1)  # a misspelt mention of the entity
    assert resolution(gold, name="Peter Hegseth") == (0, 1)
    assert resolution(gold, name=None) == (0, 1)


def test_resolution_via_alias_found_in_text(gold: GoldSet) -> None:
    assert resolution(gold, name="P. H.", aliases=("Hegses",)) == (1, 1)


def test_alias_absent_from_text_does_not_count(gold: GoldSet) -> None:
    # "Pete Hegseth" is the right name, but as an alias it must occur in the text: "Hegse" is
    # only part of the word "Hegses", so it does not occur on word boundaries.
    assert resolution(gold, name="P. H.", aliases=("Hegse",)) == (0, 1)
    gold.entities[0]["mentions"].append("Hegse")
    assert resolution(gold, name="P. H.", aliases=("Hegse",)) == (0, 1)


def test_role_or_pronoun_never_counts_as_name(gold: GoldSet) -> None:
    # "Le secrétaire à la Défense" is a gold mention of Hegseth, but a role.
    assert resolution(gold, name="Le secrétaire à la Défense") == (0, 1)
    assert resolution(gold, name="il", aliases=("Le secrétaire à la Défense",)) == (0, 1)


def test_names_pointing_to_two_entities_are_wrong(gold: GoldSet) -> None:
    assert resolution(gold, name="Pete Hegseth", aliases=("Trump",)) == (0, 1)
    assert resolution(gold, name="Donald Trump", aliases=("Hegses",)) == (0, 1)
    # A role pointing elsewhere (Chris Miller's, found in the text) is no name, so no conflict.
    assert resolution(gold, name="Pete Hegseth", aliases=("Le reporter",)) == (1, 1)


def test_name_shared_by_gold_entity_and_another_is_no_conflict(gold: GoldSet) -> None:
    gold.entities[1]["mentions"].append("Hegses")  # an ambiguous surname, say
    assert resolution(gold, name="Pete Hegseth", aliases=("Hegses",)) == (1, 1)


def test_group_speakers_are_not_scored_for_resolution(gold: GoldSet) -> None:
    scores = score_set(gold, [pred("rien n'était fait", name="officials")])
    assert scores.resolution.total == 0


def test_without_entity_list_every_gold_speaker_is_scored(tmp_path: Path) -> None:
    quotes = [
        gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth"),
        gold_quote("Q5", "rien n'était fait", "officials"),
        gold_quote("Q6", "a contribué à cet article", None),
    ]
    gold = write_set(tmp_path / "g", quotes, entities=None)
    preds = [
        pred("Nous resterons fermes", name="Pete Hegseth", aliases=("officials",)),
        pred("rien n'était fait", name="Officials"),
        pred("a contribué à cet article", name="Chris Miller"),
    ]
    scores = score_set(gold, preds)
    # Q1: its alias does not occur in the text, so no conflict; Q6: null gold speaker.
    assert (scores.resolution.correct, scores.resolution.total) == (2, 2)


# ------------------------------------------------------------------ clustering


def test_clustering_pairs_and_null_speaker_id(gold: GoldSet) -> None:
    preds = [
        pred("Nous resterons fermes", sid="s-h"),
        pred("l'Europe devait payer sa part", sid=None),
        pred("la guerre devait finir bientôt", sid="s-h"),
        pred("les négociations avancent vite", sid="s-h"),
    ]
    scores = score_set(gold, preds)
    pairs = scores.clustering
    # Gold pairs: Q1-Q2, Q1-Q3, Q2-Q3 (Hegseth). Predicted: Q1-Q3, Q1-Q4, Q3-Q4 (Q2 has no id).
    assert (pairs.true_pairs, pairs.predicted_pairs, pairs.gold_pairs) == (1, 3, 3)
    assert pairs.precision == pytest.approx(1 / 3)
    assert pairs.recall == pytest.approx(1 / 3)


def test_two_null_speaker_ids_are_not_one_cluster(gold: GoldSet) -> None:
    preds = [pred("Nous resterons fermes"), pred("l'Europe devait payer sa part")]
    pairs = score_set(gold, preds).clustering
    assert (pairs.true_pairs, pairs.predicted_pairs, pairs.gold_pairs) == (0, 0, 1)
    assert pairs.recall == 0.0


def test_clustering_skips_unmatched_quotes(gold: GoldSet) -> None:
    preds = [pred("Nous resterons fermes", sid="a"), pred([0, 1], sid="a")]
    pairs = score_set(gold, preds).clustering
    assert (pairs.true_pairs, pairs.predicted_pairs, pairs.gold_pairs) == (0, 0, 0)
    assert pairs.f1 is None


# ------------------------------------------------------------------ stances


STANCE_QUOTES = [
    *GOLD_QUOTES[:4],
    gold_quote("Q6", "a contribué à cet article", "Pete Hegseth", optional=True),
]
CONTENTS = {q["id"]: q["content"] for q in STANCE_QUOTES}


def stance(evidence: list[str], polarity: str) -> dict[str, Any]:
    return {
        "doc_id": DOC,
        "speaker": "x",
        "target": "y",
        "polarity": polarity,
        "evidence": evidence,
    }


def stance_scores(tmp_path: Path, polarities: dict[str, str | None], *stances: dict) -> SetScores:
    gold = write_set(tmp_path / "g", STANCE_QUOTES, stances=list(stances))
    preds = [pred(CONTENTS[qid], polarity=p) for qid, p in polarities.items()]
    return score_set(gold, preds)


def test_stance_majority_of_matched_evidence(tmp_path: Path) -> None:
    gold_stance = stance(["Q1", "Q2", "Q3"], "against")
    scores = stance_scores(tmp_path, {"Q1": "against", "Q2": "favor", "Q3": "against"}, gold_stance)
    assert (scores.stance.correct, scores.stance.total) == (1, 1)
    scores = stance_scores(tmp_path, {"Q1": "favor", "Q2": "favor", "Q3": "against"}, gold_stance)
    assert (scores.stance.correct, scores.stance.total) == (0, 1)


def test_stance_tie_is_wrong_and_null_polarity_does_not_vote(tmp_path: Path) -> None:
    gold_stance = stance(["Q1", "Q2", "Q3"], "against")
    tie = stance_scores(tmp_path, {"Q1": "against", "Q2": "favor", "Q3": None}, gold_stance)
    assert tie.stance.correct == 0
    assert tie.stance_confusion[("against", None)] == 1
    one_vote = stance_scores(tmp_path, {"Q1": "against", "Q3": None}, gold_stance)
    assert one_vote.stance.correct == 1
    nothing = stance_scores(tmp_path, {}, gold_stance)
    assert (nothing.stance.correct, nothing.stance.total) == (0, 1)


def test_stance_evidence_may_be_optional_quote(tmp_path: Path) -> None:
    scores = stance_scores(tmp_path, {"Q6": "favor"}, stance(["Q6"], "favor"))
    assert scores.stance_accuracy == 1.0


def test_stance_macro_f1_over_polarities_present(tmp_path: Path) -> None:
    scores = stance_scores(
        tmp_path,
        {"Q1": "favor", "Q2": "favor", "Q3": "against", "Q4": "favor"},
        stance(["Q1"], "favor"),
        stance(["Q2"], "against"),
        stance(["Q3"], "against"),
        stance(["Q4"], "favor"),
    )
    # favor: tp 2, fp 1, fn 0 -> 0.8; against: tp 1, fp 0, fn 1 -> 2/3; neutral absent.
    assert scores.stance_accuracy == 0.75
    assert scores.stance_macro_f1 == pytest.approx((0.8 + 2 / 3) / 2)
    assert scores.stance_per_polarity()["neutral"]["f1"] is None


# ------------------------------------------------------------------ negatives


def test_negatives_count_silent_entities_given_as_speakers(gold: GoldSet) -> None:
    preds = [
        pred("Nous resterons fermes", name="chris MILLER"),  # matched, name folds to entity
        pred("a contribué à cet article", mention="Chris Miller"),  # unmatched, mention text
        pred("Le reporter Chris", mention="Le reporter", name="Le reporter"),  # a role: no
        pred("les négociations avancent vite", name="Donald Trump"),  # speaks: no
    ]
    scores = score_set(gold, preds)
    assert scores.negatives == 2
    assert kinds(scores).count("negative") == 2


# ------------------------------------------------------------------ pooling and output


def test_pool_is_micro_average(tmp_path: Path, gold: GoldSet) -> None:
    small = write_set(tmp_path / "small", [gold_quote("Q1", "Nous resterons fermes", "P")])
    a = score_set(gold, [pred(CONTENTS[q]) for q in ("Q1", "Q2", "Q3", "Q4")])  # recall 4/5
    b = score_set(small, [])  # recall 0/1
    total = pool([a, b])
    assert total.quotes[LENIENT].gold == 6
    assert total.recall() == pytest.approx(4 / 6)  # not the mean of 0.8 and 0.0
    assert total.articles == 2
    assert len(total.diagnostics) == len(a.diagnostics) + len(b.diagnostics)


def test_report_json_and_diagnostics(gold: GoldSet) -> None:
    scores = score_set(gold, [pred("Nous resterons fermes", name="Trump"), pred([0, 1])])
    total = pool([scores])
    report = format_report({"mini": scores}, total)
    lines = report.splitlines()
    assert lines[0].split()[:4] == ["set", "art", "gold", "pred(opt)"]
    assert lines[2].startswith("mini") and lines[-1].startswith("total")
    assert len({len(line) for line in lines[:3]}) == 1  # fixed width
    data = scores_to_json({"mini": scores}, total, diagnostics=True)
    json.dumps(data)
    assert data["total"]["quotes"]["0.3"]["matched"] == 1
    assert data["sets"]["mini"]["speaker_resolution"] == {
        "correct": 0,
        "total": 1,
        "accuracy": 0.0,
    }
    assert {d["kind"] for d in data["sets"]["mini"]["diagnostics"]} >= {"miss", "wrong_speaker"}
    assert "wrong_speaker" in format_diagnostics(scores, kinds=["wrong_speaker"])


def test_write_predictions_round_trip(tmp_path: Path) -> None:
    preds = [pred("Nous resterons fermes", name="Pete Hegseth", sid="s1", aliases=("Hegses",))]
    preds[0]["extra"] = "dropped"
    path = tmp_path / "out" / "predictions.jsonl"
    assert write_predictions(path, preds) == 1
    (loaded,) = load_predictions(path)
    assert list(loaded) == [
        "doc_id",
        "content_span",
        "speaker_span",
        "cue_span",
        "kind",
        "speaker_id",
        "speaker_name",
        "speaker_aliases",
        "stance_target",
        "stance_polarity",
    ]
    assert loaded["speaker_aliases"] == ["Hegses"]


def test_load_gold_set_rejects_inconsistent_spans(tmp_path: Path) -> None:
    bad = gold_quote("Q1", "Nous resterons fermes", "Pete Hegseth")
    bad["content"] = "something else"
    with pytest.raises(ValueError, match="content does not match"):
        write_set(tmp_path / "g", [bad])


# ------------------------------------------------------------------ the real seed set


def gold_as_predictions(gold: GoldSet) -> list[dict[str, Any]]:
    polarity = {(s["doc_id"], e): s["polarity"] for s in gold.stances for e in s["evidence"]}
    return [
        {
            "doc_id": q["doc_id"],
            "content_span": q["content_span"],
            "speaker_span": q["speaker_span"],
            "cue_span": q["cue_span"],
            "kind": q["kind"],
            "speaker_id": hashlib.sha256(q["speaker"].encode()).hexdigest()[:16]
            if q["speaker"]
            else None,
            "speaker_name": q["speaker"],
            "speaker_aliases": [],
            "stance_target": None,
            "stance_polarity": polarity.get((q["doc_id"], q["id"])),
        }
        for q in gold.quotes
    ]


@pytest.mark.skipif(not SEED.is_dir(), reason="the shared gold sets are not available here")
def test_seed_gold_scored_as_predictions_is_perfect() -> None:
    gold = load_gold_set(SEED)
    scores = score_set(gold, gold_as_predictions(gold))
    for t in (LENIENT, STRICT):
        assert scores.quotes[t].gold == 13
        assert (scores.precision(t), scores.recall(t), scores.f1(t)) == (1.0, 1.0, 1.0)
    assert scores.mention_accuracy == 1.0
    assert scores.resolution_accuracy == 1.0
    assert scores.clustering.f1 == 1.0
    assert scores.cue_accuracy == 1.0
    assert scores.stance_accuracy == 1.0 and scores.stance.total == 10
    assert scores.stance_macro_f1 == 1.0
    assert scores.negatives == 0
    assert [d.kind for d in scores.diagnostics] == []


@pytest.mark.slow
def test_eval_command_lists_what_went_wrong(tmp_path: Path, capsys) -> None:
    from pipeline.cli import main

    # A gold quote no rule can find (no cue at all) must show as a miss under its id.
    unfindable = gold_quote("Q9", "Le reporter Chris Miller", "Chris Miller")
    write_set(tmp_path / "mini", [*GOLD_QUOTES, unfindable])
    assert main(["-q", "eval", str(tmp_path / "mini"), "--diagnostics", "miss"]) == 0
    out = capsys.readouterr().out
    assert "F1@0.3" in out and "\n== mini\n" in out
    misses = [line for line in out.splitlines() if line.startswith("[")]
    assert any(line.startswith(f"[miss] {DOC} Q9 ") for line in misses), misses
    assert all(line.startswith("[miss]") for line in misses)

    assert main(["-q", "eval", str(tmp_path / "mini"), "--json", "--diagnostics"]) == 0
    result = json.loads(capsys.readouterr().out)
    listed = result["sets"]["mini"]["diagnostics"]
    assert {"kind": "miss", "gold_id": "Q9"}.items() <= next(
        d for d in listed if d.get("gold_id") == "Q9").items()


def test_eval_command_refuses_an_unknown_diagnostic_kind(tmp_path: Path, capsys) -> None:
    from pipeline.cli import main

    assert main(["-q", "eval", str(tmp_path / "absent"), "--diagnostics", "misses"]) == 2
    assert "unknown diagnostic kind misses" in capsys.readouterr().err
