import pytest

from dyad.dicts.tsv import read_table
from dyad.errors import DataFileError

HEADER = "# source: test\n# licence: CC0\n"


def write(tmp_path, body: str, name: str = "t.tsv"):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_tsv_rows_keep_their_line(tmp_path):
    table = read_table(write(tmp_path, HEADER + "a\tb\n\nx\ty\n# comment\nz\t\n"))
    assert [(r["a"], r.get("b"), r.where) for r in table] == [("x", "y", "t.tsv:5"), ("z", "", "t.tsv:7")]


def test_tsv_too_many_fields_names_file_and_line(tmp_path):
    with pytest.raises(DataFileError, match=r"t.tsv:4: expected 2 tab-separated fields, got 3"):
        read_table(write(tmp_path, HEADER + "a\tb\nx\ty\tz\n"))


def test_tsv_missing_source_header_is_refused(tmp_path):
    with pytest.raises(DataFileError, match="header lacks '# source"):
        read_table(write(tmp_path, "# licence: CC0\na\tb\n"))


def test_tsv_missing_required_column(tmp_path):
    with pytest.raises(DataFileError, match="column row lacks code"):
        read_table(write(tmp_path, HEADER + "a\tb\n"), required=("a", "code"))


def test_tsv_not_utf8_is_reported(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_bytes(HEADER.encode() + "a\nРОС\n".encode("cp1251"))
    with pytest.raises(DataFileError, match="not UTF-8"):
        read_table(path)
