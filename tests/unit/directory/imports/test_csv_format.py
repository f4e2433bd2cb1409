"""CSV import: encodings, delimiters, bad input with file/line/column, round trip."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from directory.demo import generate
from directory.imports.csv_format import load_csv, read_csv, write_csv
from directory.imports.errors import ImportFormatError, Problem
from directory.model import EntryKind, NumberKind, PhoneNumber

HEADER = "id,kind,name,given_name,surname,title,unit,location,email,keywords,description,work,mobile,dect\n"


def write(tmp_path: Path, data: bytes, name: str = "staff.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def problems_of(path: Path) -> tuple[Problem, ...]:
    with pytest.raises(ImportFormatError) as caught:
        read_csv(path, "hr")
    return caught.value.problems


def test_utf8_comma_file(tmp_path: Path) -> None:
    text = HEADER + (
        'p1,person,,Åsa,Öberg-Sørensen,Sjuksköterska,Region / Medicinkliniken / Kardiologi,"Hus C, plan 4",'
        'asa@example.se,"HLR; Sårvård, Nattjour",Deltid,019-602 10 00|+46 19 602 10 01,070-123 45 67,41234\n'
        "u1,function,Akutmottagningen,,,,Region / Akutkliniken,,,,,,,\n"
    )
    entries = read_csv(write(tmp_path, text.encode()), "hr")
    person, unit = entries
    assert person.source == "hr"
    assert person.external_id == "p1"
    assert person.kind is EntryKind.PERSON
    assert person.display_name == "Åsa Öberg-Sørensen"
    assert person.unit_path == ("Region", "Medicinkliniken", "Kardiologi")
    assert person.location == "Hus C, plan 4"
    assert person.keywords == ("HLR", "Sårvård", "Nattjour")
    assert person.numbers == (
        PhoneNumber("019-602 10 00", NumberKind.WORK, "+46196021000"),
        PhoneNumber("+46 19 602 10 01", NumberKind.WORK, "+46196021001"),
        PhoneNumber("070-123 45 67", NumberKind.MOBILE, "+46701234567"),
        PhoneNumber("41234", NumberKind.DECT, None),
    )
    assert unit.kind is EntryKind.FUNCTION
    assert unit.unit == "Akutkliniken"
    assert unit.numbers == ()


def test_utf8_with_bom_and_crlf(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + "id,name,work\r\nx1,Björn Ødegård,22 11 33 44\r\n".encode()
    (entry,) = read_csv(write(tmp_path, data), "hr")
    assert entry.external_id == "x1"
    assert entry.display_name == "Björn Ødegård"
    assert entry.numbers[0].e164 == "+4722113344"


def test_excel_semicolon_cp1252(tmp_path: Path) -> None:
    # Excel's "CSV (semicolon separated)" on a Swedish Windows: cp1252, CRLF, localised column order.
    data = (b"Name;ID;Title;Unit;Work\r\n"
            b"\xc5sa \xd6berg;e7;Sjuksk\xf6terska;Region / V\xe5rdcentral Tullen;019-602 10 00\r\n"
            b"\"Berg; Kari\";e8;Lege;;\r\n")
    first, second = read_csv(write(tmp_path, data), "excel")
    assert first.display_name == "Åsa Öberg"
    assert first.title == "Sjuksköterska"
    assert first.unit_path == ("Region", "Vårdcentral Tullen")
    assert first.numbers[0].e164 == "+46196021000"
    assert second.display_name == "Berg; Kari"


def test_tab_delimited_utf16_from_excel_unicode_text(tmp_path: Path) -> None:
    data = "id\tgiven_name\tsurname\nt1\tKjersti\tSæther\n".encode("utf-16")
    (entry,) = read_csv(write(tmp_path, data), "hr")
    assert entry.display_name == "Kjersti Sæther"


def test_aliases_and_unknown_columns(tmp_path: Path) -> None:
    data = "External ID,First name,Last name,E-mail,Phone,Shoe size\nz,Per,Olsson,per@x.se,08-123 456 78,44\n"
    (entry,) = read_csv(write(tmp_path, data.encode()), "hr")
    assert (entry.given_name, entry.surname, entry.email) == ("Per", "Olsson", "per@x.se")
    assert entry.numbers[0].e164 == "+46812345678"


def test_wrong_delimiter_names_found_and_expected_columns(tmp_path: Path) -> None:
    path = write(tmp_path, b"id|name|work\n1|Anna|019-602 10 00\n")
    (problem,) = problems_of(path)
    assert problem.file == str(path)
    assert problem.line == 1
    assert '"id|name|work"' in problem.message
    assert "id and name" in problem.message
    assert str(problem).startswith(f"{path}:1: ")


def test_missing_required_column(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, b"id;title\n1;Lege\n"))
    assert '"id", "title"' in problem.message
    assert "given_name and surname" in problem.message


def test_bad_encoding(tmp_path: Path) -> None:
    # 0x81 is undefined in cp1252, so the file is neither UTF-8 nor Windows-1252.
    (problem,) = problems_of(write(tmp_path, b"id,name\n1,Anna\n2,Bj\x81rn\n"))
    assert problem.line == 3
    assert "UTF-8" in problem.message


def test_broken_utf8_is_not_read_as_cp1252(tmp_path: Path) -> None:
    data = "id,name\n1,Åsa\n".encode() + b"2,Bj\xf6rn\n"
    (problem,) = problems_of(write(tmp_path, data))
    assert problem.line == 3
    assert "not valid UTF-8" in problem.message


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    assert "empty" in problems_of(write(tmp_path, b"", "a.csv"))[0].message
    assert "empty" in problems_of(write(tmp_path, b"\r\n  \n", "b.csv"))[0].message
    assert "no entries" in problems_of(write(tmp_path, b"id,name\n", "c.csv"))[0].message


def test_binary_file(tmp_path: Path) -> None:
    assert "binary" in problems_of(write(tmp_path, b"id,name\n\x00\x01\x02"))[0].message


def test_duplicate_ids_name_both_lines(tmp_path: Path) -> None:
    path = write(tmp_path, b"id,name\na,Anna\nb,Bo\n\na,Anna igen\n")
    (problem,) = problems_of(path)
    assert (problem.line, problem.key) == (5, "id")
    assert 'duplicate id "a", first on line 2' in problem.message


def test_row_problems_are_all_reported_with_lines(tmp_path: Path) -> None:
    text = 'id,kind,name\n,person,Anna\nb,robot,Bo\nc,person,\nd,person,"Multi\nline"\ne,person,Eva,extra\n'
    problems = problems_of(write(tmp_path, text.encode()))
    assert [(p.line, p.key) for p in problems] == [(2, "id"), (3, "kind"), (4, "name"), (7, "")]
    assert "4 fields but the header 3" in problems[3].message
    error = ImportFormatError(problems)
    assert len(str(error).splitlines()) == 4


def test_trailing_empty_fields_are_accepted(tmp_path: Path) -> None:
    (entry,) = read_csv(write(tmp_path, b"id;name\n1;Anna;;;\n"), "hr")
    assert entry.display_name == "Anna"


def test_unreadable_path(tmp_path: Path) -> None:
    (problem,) = problems_of(tmp_path / "missing.csv")
    assert "cannot read" in problem.message


def test_round_trip(tmp_path: Path) -> None:
    entries = generate(people=300, units=20).entries
    path = tmp_path / "out.csv"
    write_csv(entries, path)
    assert read_csv(path, "demo") == entries


def test_documented_example_parses(tmp_path: Path) -> None:
    doc = (Path(__file__).parents[4] / "docs" / "import-formats.md").read_text(encoding="utf-8")
    example = doc.split("```csv\n", 1)[1].split("```", 1)[0]
    unit, person = read_csv(write(tmp_path, example.encode()), "doc")
    assert unit.kind is EntryKind.FUNCTION
    assert unit.numbers[0].kind is NumberKind.SWITCH
    assert person.unit == "Barn- och ungdomsmedicin"
    assert [n.e164 for n in person.numbers if n.kind is NumberKind.MOBILE] == ["+46701234567", "+46733622636"]


def test_excel_sep_line_and_blank_lines_before_the_header(tmp_path: Path) -> None:
    path = write(tmp_path, b"sep=;\r\n\r\nid;name;title\r\n1;Anna, Bo;Lege\r\n")
    result = load_csv(path, "hr")
    assert [(e.display_name, e.title) for e in result.entries] == [("Anna, Bo", "Lege")]
    assert result.details == ("utf-8", "semicolon-separated")


def test_duplicate_column_names_the_header_line(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path, b"\nid,name,display_name\n1,A,B\n"))
    assert (problem.line, problem.key) == (2, "display_name")
    assert "twice" in problem.message


def test_error_survives_pickling(tmp_path: Path) -> None:
    error = ImportFormatError([Problem("a.csv", 3, "id", "missing")], omitted=2)
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert str(copy) == "a.csv:3: id: missing\n... and 2 more problems"
