"""The `switchboard` command in-process: version, config check, import and search, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app import __version__
from app.cli.main import main
from app.config.paths import Paths

CSV = "id,kind,name,given_name,surname,title,unit,work\n" \
      "p1,person,Åsa Öberg,Åsa,Öberg,Överläkare,Region / Kardiologi,019-602 10 00\n" \
      "p2,person,Karl Eriksson,Karl,Eriksson,Sjuksköterska,Region / Akuten,019-602 20 00\n"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"switchboard {__version__}"


def test_config_check_shows_origins(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[general]\nlanguage = "sv"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 0
    assert f'general.language = "sv"    ({config})' in out
    assert 'directory.default_region = "SE"    (default)' in out
    assert "configuration is valid" in out


def test_config_check_fails_with_one_line_per_problem(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[general]\nlanguage = 5\nfoo = 1\n[store]\npassword = "secret"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith("error:")]
    assert problems == [
        f"error: {config}: general.language: expected '', 'en', 'sv' or 'nb' (got 5)",
        f"error: {config}: general.foo: unknown key",
        f"error: {config}: store.password: expected a secret reference such as 'env:VARIABLE' or "
        "'keyring:service/user', never the secret itself (got 'secret')",
    ]


def test_config_reference_lists_every_setting(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "config", "reference")
    assert code == 0
    assert "| `store.url` |" in out
    assert "| `policy.locked` |" in out


def test_import_then_search(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    code, out, err = run(capsys, "directory", "import", str(csv))
    assert (code, err) == (0, "")
    assert "2 entries read" in out
    code, out, _ = run(capsys, "directory", "search", "asa kard", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["query"] == "asa kard"
    assert result["results"][0]["name"] == "Åsa Öberg"
    assert result["results"][0]["numbers"] == [{"raw": "019-602 10 00", "e164": "+46196021000", "kind": "work"}]
    assert set(result["results"][0]) == {"id", "source", "external_id", "kind", "name", "title", "unit",
                                         "unit_path", "location", "email", "numbers", "score", "match"}


def test_the_about_text_is_searched_like_keywords(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV.replace("work\n", "work,description\n", 1).replace(
        "019-602 20 00\n", '019-602 20 00,"Ansvarar för vaccinationer, talar finska"\n'), encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    code, out, _ = run(capsys, "directory", "search", "vaccinationer", "--json")
    assert code == 0
    assert [(r["name"], r["match"]) for r in json.loads(out)["results"]] == [("Karl Eriksson", "exact_token")]
    # The demo's units say when they are open: "Bemannat dygnet runt."
    code, out, _ = run(capsys, "directory", "--demo", "search", "dygnet", "--json", "--limit", "100")
    assert code == 0
    names = [r["name"] for r in json.loads(out)["results"]]
    assert {"Växeln", "Akutmottagningen"} <= set(names)


def test_a_whole_email_address_finds_its_person_in_search_and_referral_set(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text("id,name,title,unit,email,work\n"
                   "p1,Siv Ek,Sjuksköterska,Region / Akuten,siv.ek@example.org,019-602 30 00\n"
                   "p2,Siv Ek,Läkare,Region / Röntgen,siv.ek2@example.org,019-602 30 01\n", encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    code, out, _ = run(capsys, "directory", "search", "siv.ek@example.org", "--json")
    assert code == 0
    assert [(r["external_id"], r["match"]) for r in json.loads(out)["results"]] == [("p1", "exact_name")]
    code, out, _ = run(capsys, "directory", "search", "Siv.Ek2@Example.org")
    assert code == 0
    assert "Läkare" in out
    assert "Sjuksköterska" not in out
    code, out, err = run(capsys, "referral", "set", "siv.ek2@example.org", "lunch", "--until", "+30")
    assert (code, err) == (0, "")
    assert out.startswith("Siv Ek: ")
    (listed,) = [json.loads(line) for line in run(capsys, "referral", "list", "--json")[1].splitlines()]
    code, out, _ = run(capsys, "directory", "search", "siv.ek2@example.org", "--json")
    assert listed["entry_id"] == json.loads(out)["results"][0]["id"]
    code, _, err = run(capsys, "referral", "set", "siv ek", "lunch")
    assert code == 1
    assert "several entries" in err  # the name alone is two people: the address is what tells them apart
    assert run(capsys, "referral", "clear", "siv.ek2@example.org")[1].strip() == "Siv Ek: 1 referral(s) cleared"


def test_failed_import_leaves_the_store_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    csv.write_text(CSV + "p1,person,Someone Else,,,,,\n", encoding="utf-8")
    code, _, err = run(capsys, "directory", "import", str(csv))
    assert code == 1
    assert "the directory is unchanged" in err
    assert "p1" in err
    code, out, _ = run(capsys, "directory", "search", "karl", "--json")
    assert json.loads(out)["results"][0]["name"] == "Karl Eriksson"


def test_stdin_queries_give_one_json_line_each(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = ["", "   ", "x" * 10_000, "\x00\x07\x1b[31m", "'; DROP TABLE directory_entries; --", "*)(uid=*",
               "växeln", "019-602 00 00"]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(hostile) + "\n"))
    code, out, _ = run(capsys, "directory", "--demo", "search", "--stdin", "--limit", "3")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == hostile
    assert all(isinstance(line["elapsed_ms"], float) for line in lines)
    assert lines[6]["results"][0]["name"] == "Växeln"
    assert lines[6]["results"][0]["match"] == "exact_name"
    assert lines[7]["results"][0]["name"] == "Växeln"


def test_readme_configuration_table_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "config", "reference")
    readme = (Path(__file__).resolve().parents[4] / "README.md").read_text(encoding="utf-8")
    assert out.strip() in readme, "paste `switchboard config reference` into the README"


def test_config_check_warns_about_tls_and_fails_on_missing_certificate(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[sip]\nuser = "1000"\nregistrar = "pbx.example:5061"\ntransport = "tls"\n'
                      f'tls_ca_file = "{tmp_path / "missing.pem"}"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 1
    assert f"warning: {config}: sip.transport: TLS runs on the OpenSSL 1.0.2 bundled with pjsua2" in out
    assert f"error: {config}: sip.tls_ca_file: certificate file not found:" in out


def test_config_check_rejects_an_unknown_transport(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[sip]\nuser = "1000"\nregistrar = "pbx.example"\ntransport = "sctp"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 1
    assert f"error: {config}: sip.transport: expected 'udp', 'tcp' or 'tls' (got 'sctp')" in out


def test_referral_set_list_clear(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    code, out, err = run(capsys, "referral", "set", "karl eriksson", "meeting", "--until", "+90",
                         "--alt", "the ward, 019-602 10 00")
    assert (code, err) == (0, "")
    assert out.startswith("Karl Eriksson: ")
    assert "019-602 10 00" in out.splitlines()[1]  # the sentence read to the caller
    code, out, _ = run(capsys, "referral", "list", "--json")
    (listed,) = [json.loads(line) for line in out.splitlines()]
    assert (listed["code"], listed["alternative"]) == ("meeting", "the ward, 019-602 10 00")
    code, _, err = run(capsys, "referral", "set", "karl eriksson", "lunch", "--until", "yesterday")
    assert code == 1
    assert "yesterday" in err
    code, _, err = run(capsys, "referral", "set", "region", "lunch")
    assert code == 1
    assert "several entries" in err
    code, out, _ = run(capsys, "referral", "set", "karl eriksson", "lunch", "--alt", "åsa öberg")
    assert code == 0
    assert "(replaced 1)" in out
    assert json.loads(run(capsys, "referral", "list", "--json")[1])["alternative"] == "Åsa Öberg, 019-602 10 00"
    code, _, err = run(capsys, "referral", "set", "karl eriksson", "lunch", "--alt", "nobody known")
    assert code == 1
    assert "the alternative does not resolve: no one matches 'nobody known'" in err
    assert run(capsys, "referral", "clear", "karl eriksson")[1].strip() == "Karl Eriksson: 1 referral(s) cleared"
    assert run(capsys, "referral", "list")[1] == ""


def test_search_opens_the_snapshot_beside_the_store_and_follows_imports(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    assert run(capsys, "directory", "search", "karl")[1].startswith("Karl Eriksson\t")
    snapshot = Paths.current().default_database.with_name("switchboard.sqlite3.search")
    assert snapshot.is_file()  # written by the first search, opened by the next
    written = snapshot.stat().st_mtime_ns
    # An import while the snapshot exists: the next search reads the store's changes since it.
    csv.write_text(CSV.replace("Karl Eriksson,Karl,", "Karl Lindqvist,Karl,Lindqvist,").replace(",Eriksson,", ","),
                   encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    code, out, _ = run(capsys, "directory", "search", "lindkvist")
    assert (code, out.split("\t")[0]) == (0, "Karl Lindqvist")
    assert run(capsys, "directory", "search", "eriksson")[2] == "no match\n"
    assert snapshot.stat().st_mtime_ns == written  # opened, not rebuilt
    # A damaged snapshot is rebuilt, and the answer is the same.
    snapshot.write_bytes(snapshot.read_bytes()[:100])
    code, out, _ = run(capsys, "directory", "search", "lindkvist")
    assert (code, out.split("\t")[0]) == (0, "Karl Lindqvist")
    assert snapshot.stat().st_size > 100


def test_referral_set_as_of_a_version_is_refused_with_exit_3_after_someone_elses_change(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    csv = tmp_path / "staff.csv"
    csv.write_text(CSV, encoding="utf-8")
    assert run(capsys, "directory", "import", str(csv))[0] == 0
    assert run(capsys, "referral", "set", "karl eriksson", "meeting", "--until", "+90")[0] == 0
    seen = json.loads(run(capsys, "referral", "list", "--json")[1])["version"]
    assert seen == 1
    assert run(capsys, "referral", "set", "karl eriksson", "lunch", "--version", "1")[0] == 0  # someone else
    code, out, err = run(capsys, "referral", "set", "karl eriksson", "sick", "--version", str(seen))
    assert (code, out) == (3, "")
    assert err.startswith("error: not saved: Karl Eriksson's referrals changed: ")
    assert "set 'Lunch' at " in err
    assert "now version 2, not 1" in err
    assert "--version 2, or --force" in err
    assert json.loads(run(capsys, "referral", "list", "--json")[1])["code"] == "lunch"  # nothing applied
    assert run(capsys, "referral", "clear", "karl eriksson", "--version", "1")[0] == 3
    code, out, _ = run(capsys, "referral", "set", "karl eriksson", "sick", "--force")
    assert code == 0
    assert "(replaced 1)" in out
    assert json.loads(run(capsys, "referral", "list", "--json")[1])["version"] == 3
    assert run(capsys, "referral", "clear", "karl eriksson", "--version", "3")[0] == 0
    with pytest.raises(SystemExit):
        main(["referral", "clear", "karl eriksson", "--version", "3", "--force"])
    assert "not allowed with argument" in capsys.readouterr().err
