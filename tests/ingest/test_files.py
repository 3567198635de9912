import json

from dyad.ingest.files import Document, Notice, Problem, decode_text, html_to_text, read_documents


def read(*paths):
    return list(read_documents([str(p) for p in paths]))


def test_files_plain_text_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Президент России встретился с премьером Индии.", encoding="utf-8")
    [doc] = read(path)
    assert isinstance(doc, Document) and doc.id == "a" and doc.text.startswith("Президент")


def test_files_empty_file_is_a_problem(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    [problem] = read(path)
    assert isinstance(problem, Problem) and problem.message == "empty file"


def test_files_binary_file_is_a_problem(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    [problem] = read(path)
    assert isinstance(problem, Problem) and "binary" in problem.message


def test_files_cp1251_is_decoded_with_a_notice(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Министры обсудили торговлю и санкции.".encode("cp1251"))
    notice, doc = read(path)
    assert isinstance(notice, Notice) and "cp1251" in notice.message
    assert doc.text == "Министры обсудили торговлю и санкции."


def test_files_undecodable_latin_bytes_are_refused():
    text, message = decode_text(b"caf\xe9 \xff\xfe society")
    assert text is None and "not UTF-8" in message


def test_files_malformed_jsonl_line_reports_file_and_line_and_goes_on(tmp_path):
    path = tmp_path / "docs.jsonl"
    good = {"id": "d1", "text": "Текст."}
    path.write_text(json.dumps(good) + "\n{broken\n" + json.dumps({"id": "d3"}) + "\n" + json.dumps({"id": "d4", "text": "Ещё."}) + "\n", encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Document", "Problem", "Problem", "Document"]
    assert str(items[1]).startswith(f"{path}:2: not valid JSON")
    assert str(items[2]) == f"{path}:3: document has no 'text' string"


def test_files_bad_published_date_in_jsonl(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "Текст.", "published": "16/02/2025"}) + "\n", encoding="utf-8")
    [problem] = read(path)
    assert "'published' is not a date" in problem.message


def test_files_huge_file_is_refused_unread(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(("Слово. " * 800_000).encode("utf-8"))
    [problem] = read(path)
    assert "MB" in problem.message and "split" in problem.message


def test_files_directory_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Второй.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Первый.", encoding="utf-8")
    assert [d.text for d in read(tmp_path)] == ["Первый.", "Второй."]


def test_files_missing_path(tmp_path):
    [problem] = read(tmp_path / "nope.txt")
    assert problem.message == "no such file or directory"


def test_files_html_scripts_are_not_text():
    text = html_to_text("<html><head><title>x</title><script>alert(1)</script></head><body><p>Один.</p><p>Два &amp; три.</p></body></html>")
    assert text == "Один.\nДва & три."


def test_files_jsonl_line_problems_are_named_by_kind():
    from dyad.ingest.files import document_of_line

    kinds = {raw: document_of_line(raw, "x:1", "x-1").kind
             for raw in (b"{not json", b"[1, 2]", b'{"title": "no text"}', b"\xff\xfe{}",
                         b'{"text": "t", "published": "31.31.2025"}')}  # fmt: skip
    assert list(kinds.values()) == ["not-json", "not-json", "no-text", "not-utf8", "bad-field"]
    assert document_of_line(b"  \n", "x:2", "x-2") is None
    doc = document_of_line(b'{"text": "hello"}', "x:3", "x-3", lang="en")
    assert doc.id == "x-3" and doc.lang == "en"
