"""The Python module katlas, as installed: the built-in content, the fixture folders under
tests/fixtures/, errors, lifetimes, threads, and the type stubs against the module."""

import ast
import concurrent.futures
import contextlib
import doctest
import gc
import io
import json
import pathlib
import re
import shutil

import pytest

import katlas

REPO = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
PACKAGE = pathlib.Path(katlas.__file__).resolve().parent


@pytest.fixture(scope="module")
def builtin():
    return katlas.Atlas.builtin()


@pytest.fixture(scope="module")
def base():
    return katlas.Atlas.load(FIXTURES / "base")


@pytest.fixture(scope="module")
def chain():
    return katlas.Atlas.load(str(FIXTURES / "evidence-chain"))


# --- the installed package -------------------------------------------------------------


def test_the_module_imported_is_the_installed_one_with_its_stubs_and_licence():
    assert PACKAGE.parent.name == "site-packages", f"not an installed package: {PACKAGE}"
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "__init__.pyi").is_file()
    assert "Creative Commons" in (PACKAGE / "LICENSE-content").read_text(encoding="utf-8")


def test_the_version_is_the_projects():
    cmake = (REPO / "CMakeLists.txt").read_text(encoding="utf-8")
    assert katlas.__version__ == re.search(r"project\(katlas\s+VERSION\s+([0-9.]+)", cmake).group(1)


def test_an_atlas_is_made_by_builtin_or_load_only():
    with pytest.raises(TypeError):
        katlas.Atlas()


# --- lookups ---------------------------------------------------------------------------


def test_find_takes_an_id_an_alias_or_a_title(builtin):
    seven_oh = builtin.find("7-OH")
    assert seven_oh.id == "seven-hydroxymitragynine"
    assert seven_oh.kind == "alkaloid"
    assert "7-OH" in seven_oh.aliases
    assert seven_oh.evidence == "established"
    assert seven_oh.verdict is None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", seven_oh.reviewed)
    assert "mitragynine" in seven_oh.summary
    assert seven_oh.details
    assert builtin.find("cyp 3a4").id == "cyp3a4"
    assert builtin.find("nothing like it") is None


def test_concepts_carry_their_sources_as_source_objects(builtin):
    sources = builtin["seven-hydroxymitragynine"].sources
    assert "kamble-2019" in [s.id for s in sources]
    kamble = builtin.source("kamble-2019")
    assert kamble.year == 2019
    assert kamble.link.startswith("https://")
    assert kamble.type == "peer-reviewed"
    assert builtin.source("no-such-source") is None


def test_a_popular_claim_has_a_verdict(builtin):
    claim = builtin["kratom-not-an-opioid-claim"]
    assert claim.kind == "claim"
    assert claim.verdict in {"supported", "partly-supported", "unsupported", "refuted", "unresolved"}


def test_the_atlas_is_a_collection_of_its_concepts(builtin):
    files = sorted(p.stem for p in (REPO / "content" / "concepts").glob("*/*.yaml"))
    assert len(builtin) == len(files)
    assert [c.id for c in builtin] == files
    assert "withdrawal" in builtin
    assert "7-OH" in builtin
    assert builtin["withdrawal"] in builtin
    assert "no-such-concept" not in builtin
    assert 42 not in builtin
    assert repr(builtin) == f"<Atlas of {len(files)} concepts>"


def test_an_unknown_name_is_a_key_error_that_suggests_the_closest_ids(builtin):
    with pytest.raises(KeyError, match=r"no concept 'withdrawl' \(did you mean 'withdrawal'"):
        builtin["withdrawl"]
    with pytest.raises(KeyError, match=r"no concept 'zzzzzz'\"?$"):
        builtin["zzzzzz"]
    assert builtin.suggest("withdrawl")[0] == "withdrawal"


def test_concepts_are_equal_by_id_and_hashable(builtin, base):
    assert builtin.find("7-OH") == builtin["seven-hydroxymitragynine"]
    assert builtin.find("7-OH") != builtin["mitragynine"]
    assert builtin["tolerance"] != "tolerance"
    assert len({builtin["tolerance"], builtin.find("Tolerance"), builtin["withdrawal"]}) == 2
    assert repr(base["cyp3a4"]) == "<Concept cyp3a4: 'CYP3A4'>"


def test_concepts_lists_one_kind_by_title(builtin):
    enzymes = builtin.concepts("enzyme")
    assert [c.id for c in enzymes] == ["cyp1a2", "cyp2c19", "cyp2c9", "cyp2d6", "cyp3a4"]
    assert len(builtin.concepts()) == len(builtin)
    with pytest.raises(ValueError, match=r"unknown kind 'enzymes' \(one of: .*enzyme"):
        builtin.concepts("enzymes")


# --- related and path ------------------------------------------------------------------


def test_related_gives_links_both_ways_with_sentences_and_evidence(base):
    links = base.related("tolerance")
    assert [(l.direction, l.type, l.other.id) for l in links] == [
        ("out", "leads-to", "withdrawal"),
        ("in", "concerns", "strain-rotation"),
        ("in", "explains", "mu-opioid-receptor"),
        ("in", "leads-to", "extracts"),
    ]
    assert links[0].sentence == "Tolerance leads to withdrawal."
    assert links[0].evidence == "established" and not links[0].evidence_written
    assert links[3].sentence == "Some reports say tolerance can result from extract use."
    assert links[3].evidence == "anecdotal"


def test_related_filters_by_type_and_direction(base):
    tolerance = base["tolerance"]
    assert [l.other.id for l in base.related(tolerance, type="leads-to")] == ["withdrawal", "extracts"]
    assert [l.other.id for l in base.related(tolerance, type="leads-to", direction="in")] == ["extracts"]
    assert [l.other.id for l in base.related(tolerance, direction="out")] == ["withdrawal"]
    with pytest.raises(ValueError, match=r"unknown direction 'up' \(one of: out, in, both\)"):
        base.related(tolerance, direction="up")
    with pytest.raises(ValueError, match=r"unknown relation type 'leeds-to' \(one of: .*leads-to"):
        base.related(tolerance, type="leeds-to")
    with pytest.raises(KeyError, match="no concept 'tolerence'"):
        base.related("tolerence")


def test_links_carry_their_sources(base):
    (link,) = base.related("mitragynine", type="metabolised-by")
    assert link.other.id == "cyp3a4"
    assert [s.id for s in link.sources] == ["kamble-2019"]
    (converted,) = base.related("mitragynine", type="converted-into")
    assert converted.note == "by CYP3A4."


def test_a_path_follows_relations_as_written_when_it_can(base):
    steps = base.path("extracts", "withdrawal")
    assert [s.sentence for s in steps] == [
        "Some reports say extract use leads to tolerance.",
        "Tolerance leads to withdrawal.",
    ]
    assert [(s.from_.id, s.type, s.direction, s.to.id) for s in steps] == [
        ("extracts", "leads-to", "out", "tolerance"),
        ("tolerance", "leads-to", "out", "withdrawal"),
    ]


def test_a_path_walks_a_relation_backwards_and_says_so(base):
    steps = base.path(base["withdrawal"], base["extracts"])
    assert steps[0].sentence == "Withdrawal can result from tolerance."
    assert steps[0].direction == "in"
    assert steps[1].to.id == "extracts"


def test_a_path_rests_on_its_weakest_step_and_min_evidence_refuses_weak_links(chain):
    steps = chain.path("start", "far")
    assert [s.to.id for s in steps] == ["x", "y", "far"]
    assert [s.evidence for s in steps] == ["established", "contested", "established"]
    assert steps[1].evidence_written and not steps[0].evidence_written
    assert steps[1].sentence == "Whether x leads to y is disputed."
    assert chain.path("start", "far", min_evidence="established") is None
    assert chain.path("start", "far", min_evidence="contested") is not None
    levels = "established, limited, contested, anecdotal"
    with pytest.raises(ValueError, match=rf"unknown evidence level 'strong' \(one of: {levels}\)"):
        chain.path("start", "far", min_evidence="strong")


def test_a_path_over_the_builtin_content_is_a_chain_of_steps(builtin):
    steps = builtin.path("extracts-and-concentrates", "withdrawal", min_evidence="established")
    assert steps
    assert steps[0].from_.id == "extracts-and-concentrates"
    assert steps[-1].to.id == "withdrawal"
    for step, following in zip(steps, steps[1:]):
        assert step.to == following.from_
    assert all(s.sentence and s.evidence == "established" for s in steps)
    assert builtin.path("withdrawal", "withdrawal") == []


def test_a_concept_of_another_atlas_is_looked_up_by_id(builtin, base):
    assert [l.other.id for l in builtin.related(base["tolerance"])]  # tolerance is in both
    with pytest.raises(KeyError, match="concept 'extracts' is not in this atlas"):
        builtin.related(base["extracts"])


# --- search and explain ----------------------------------------------------------------


def test_search_ranks_a_readers_question(builtin):
    hits = builtin.search("why does my dose stop working", limit=3)
    assert len(hits) == 3
    assert hits[0].concept.id == "tolerance"
    assert hits[0].score >= hits[1].score >= hits[2].score > 0
    assert builtin.search("withdrawl")[0].concept.id == "withdrawal"
    assert len(builtin.search("kratom")) == 10


def test_explain_gives_the_lay_text_and_renders_it_four_ways(builtin):
    e = builtin.explain("7-OH")
    assert e.exact
    assert e.concept.id == "seven-hydroxymitragynine"
    assert e.audience == "lay"
    assert e.details == ""
    assert e.summary == e.concept.summary
    assert e.evidence == "established" and e.evidence_explained
    assert e.neighbours and e.citations
    assert e.reading_grade > 0
    text = e.to_text()
    assert text.startswith(e.title + "  [seven-hydroxymitragynine, alkaloid]")
    assert "Last reviewed: " + e.reviewed in text
    assert e.to_markdown().startswith("## " + e.title)
    assert "concepts/mu-opioid-receptor.html" in e.to_markdown(base_url="https://atlas.example.org")
    assert e.to_html().startswith('<section class="katlas-explanation">')
    data = e.as_dict()
    assert data == json.loads(e.to_json())
    assert data["id"] == "seven-hydroxymitragynine"
    assert [n["target"] for n in data["neighbours"]] == [l.other.id for l in e.neighbours]


def test_explain_for_professionals_adds_details_and_depth_trims(builtin):
    pro = builtin.explain(builtin["cyp3a4"], audience="pro")
    assert pro.details == builtin["cyp3a4"].details
    assert "For professionals:" in pro.to_text()
    summary = builtin.explain("cyp3a4", audience="pro", depth="summary")
    assert summary.details == "" and summary.neighbours == []
    assert len(builtin.explain("kratom", max_neighbours=2).neighbours) == 2


def test_explain_answers_free_text_with_the_best_hit_and_none_when_nothing_matches(builtin):
    e = builtin.explain("why does my dose stop working")
    assert not e.exact
    assert e.concept.id == "tolerance"
    assert builtin.explain("zzqqxx") is None


def test_explain_refuses_unknown_words(builtin):
    with pytest.raises(ValueError, match=r"unknown audience 'doctor' \(one of: lay, pro\)"):
        builtin.explain("7-OH", audience="doctor")
    with pytest.raises(ValueError, match=r"unknown depth 'all' \(one of: summary, details, neighbours\)"):
        builtin.explain("7-OH", depth="all")


# --- loading ---------------------------------------------------------------------------


def test_a_fixture_folder_loads(base):
    assert len(base) == 11
    assert base.diagnostics == []
    assert base.find("7-OH").summary == "Your body makes 7-OH from mitragynine. It is stronger."


def test_warnings_do_not_stop_a_load_and_are_kept(tmp_path):
    content = shutil.copytree(FIXTURES / "base", tmp_path / "content")
    (content / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    atlas = katlas.Atlas.load(content)
    (warning,) = atlas.diagnostics
    assert warning.severity == "warning"
    assert (warning.file, warning.line, warning.column) == (str(content / "notes.yaml"), 1, 1)
    assert warning.message == "file is not part of the content schema and was ignored"


def test_strict_adds_the_content_rules_as_warnings(tmp_path):
    content = shutil.copytree(FIXTURES / "base", tmp_path / "content")
    _replace(content / "sources.yaml", "  year: 2016\n  type: peer-reviewed\n", "  year: 2016\n")
    assert katlas.Atlas.load(content).diagnostics == []
    (warning,) = katlas.Atlas.load(content, strict=True).diagnostics
    assert (warning.severity, warning.line, warning.column) == ("warning", 2, 3)
    assert warning.message == "source 'kruegel-2016' does not say what kind of work it is"


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_content_with_errors_raises_content_error_with_every_diagnostic(tmp_path):
    content = shutil.copytree(FIXTURES / "base", tmp_path / "content")
    tolerance = content / "concepts" / "condition" / "tolerance.yaml"
    extracts = content / "concepts" / "product" / "extracts.yaml"
    _replace(tolerance, "type: leads-to", "type: leeds-to")
    _replace(extracts, "target: tolerance", "target: tolerence")
    with pytest.raises(katlas.ContentError) as caught:
        katlas.Atlas.load(content)
    error = caught.value
    assert isinstance(error, ValueError)
    first, second = error.diagnostics
    assert (first.severity, first.file, first.line, first.column) == ("error", str(tolerance), 10, 11)
    assert first.message == "unknown relation type 'leeds-to'"
    assert first.hint == "did you mean 'leads-to'?"
    assert (second.file, second.line, second.column) == (str(extracts), 13, 13)
    assert second.message == "relation target 'tolerence' is not a concept"
    assert str(error) == (
        f"{tolerance}:10:11: error: unknown relation type 'leeds-to' (did you mean 'leads-to'?)\n"
        f"{extracts}:13:13: error: relation target 'tolerence' is not a concept (did you mean 'tolerance'?)"
    )
    assert str(first) == str(error).splitlines()[0]


def test_a_missing_folder_is_a_content_error(tmp_path):
    with pytest.raises(katlas.ContentError) as caught:
        katlas.Atlas.load(tmp_path / "nowhere")
    assert caught.value.diagnostics
    assert all(d.severity == "error" for d in caught.value.diagnostics)


# --- lifetimes and threads -------------------------------------------------------------


def test_objects_from_an_atlas_outlive_the_atlas_object():
    atlas = katlas.Atlas.load(FIXTURES / "base")
    concept = atlas["tolerance"]
    link = atlas.related(concept)[0]
    step = atlas.path("extracts", "withdrawal")[0]
    hit = atlas.search("tolerance")[0]
    explanation = atlas.explain("7-OH", audience="pro")
    source = concept.sources[0]
    del atlas
    gc.collect()
    katlas.Atlas.load(FIXTURES / "evidence-chain")  # reuse freed memory, if any was freed
    assert concept.title == "Tolerance"
    assert link.other.title == "Withdrawal" and link.sentence == "Tolerance leads to withdrawal."
    assert step.from_.id == "extracts" and step.sentence == "Some reports say extract use leads to tolerance."
    assert hit.concept.id == "tolerance"
    assert explanation.to_text().startswith("7-hydroxymitragynine  [seven-hydroxymitragynine, alkaloid]")
    assert source.id == "singh-2014"


def test_many_threads_may_query_one_atlas(builtin):
    questions = ["why does my dose stop working", "withdrawal", "7-OH", "liver", "taper"] * 8
    expected = [[h.concept.id for h in builtin.search(q)] for q in questions]
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        found = list(pool.map(lambda q: [h.concept.id for h in builtin.search(q)], questions))
        paths = list(pool.map(lambda _: len(builtin.path("extracts-and-concentrates", "withdrawal")), range(16)))
    assert found == expected
    assert len(set(paths)) == 1


# --- the examples in the docs ----------------------------------------------------------


def _blocks(path, language):
    text = path.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


def test_the_session_in_embedding_md_gives_what_it_shows():
    (session,) = _blocks(REPO / "docs" / "embedding.md", "pycon")
    test = doctest.DocTestParser().get_doctest(session, {}, "embedding.md", "docs/embedding.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    runner.run(test, out=report.write)
    assert runner.failures == 0 and len(test.examples) >= 10, report.getvalue()


def test_the_readme_example_runs():
    (example,) = _blocks(REPO / "README.md", "python")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(example, {})
    assert printed.getvalue().splitlines()[0] == "7-Hydroxymitragynine (7-OH)"
    assert "Kratom leads to physical dependence." in printed.getvalue()


# --- the type stubs --------------------------------------------------------------------


def _stub():
    return ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))


# Special methods the stub must declare exactly when the module defines them.
COMPARED_DUNDERS = {"__getitem__", "__contains__", "__len__", "__iter__", "__eq__", "__hash__"}


def _compared(names):
    return {n for n in names if not n.startswith("_") or n in COMPARED_DUNDERS}


def _stub_members(node):
    """What a stub class declares: methods, properties and attributes."""
    return {i.target.id if isinstance(i, ast.AnnAssign) else i.name for i in node.body if not isinstance(i, ast.Expr)}


def _signature_names(function):
    """Parameter names and whether each has a default, from a pybind11 docstring's first line."""
    line = function.__doc__.splitlines()[0]
    inside = line[line.index("(") + 1 : line.rindex(") ->")]
    params, depth, current = [], 0, ""
    for char in inside:
        depth += (char in "[(") - (char in "])")
        if char == "," and depth == 0:
            params.append(current)
            current = ""
        else:
            current += char
    params.append(current)
    return [(p.split(":")[0].strip(), " = " in p) for p in params if p.strip() and p.split(":")[0].strip() != "self"]


def test_the_stub_names_every_public_name_of_the_module_and_nothing_else():
    stub = _stub()
    classes = {node.name: node for node in stub.body if isinstance(node, ast.ClassDef)}
    assert sorted(classes) == sorted(katlas.__all__)
    for name, node in classes.items():
        runtime = getattr(katlas, name)
        if name == "ContentError":
            assert issubclass(runtime, ValueError) and _stub_members(node) == {"diagnostics"}
        else:
            assert _compared(_stub_members(node)) == _compared(vars(runtime)), name


def test_the_stub_gives_the_modules_parameters_in_order_with_their_defaults():
    for node in (n for n in _stub().body if isinstance(n, ast.ClassDef) and n.name != "ContentError"):
        runtime = getattr(katlas, node.name)
        for item in (i for i in node.body if isinstance(i, ast.FunctionDef)):
            member = vars(runtime)[item.name]
            decorators = {d.id for d in item.decorator_list if isinstance(d, ast.Name)}
            is_property = "property" in decorators
            assert isinstance(member, property) == is_property, f"{node.name}.{item.name}"
            assert isinstance(member, staticmethod) == ("staticmethod" in decorators), f"{node.name}.{item.name}"
            if is_property or item.name.startswith("__"):
                continue
            args = item.args.args[0 if isinstance(member, staticmethod) else 1 :]
            defaults = [False] * (len(args) - len(item.args.defaults)) + [True] * len(item.args.defaults)
            stubbed = [(a.arg, d) for a, d in zip(args, defaults)]
            assert stubbed == _signature_names(getattr(runtime, item.name)), f"{node.name}.{item.name}"
