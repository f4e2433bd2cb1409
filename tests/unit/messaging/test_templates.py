"""Templates fill only their named fields, in sv, nb and en, and keep every value on one line."""

from __future__ import annotations

import pytest

from messaging.model import MessageError
from messaging.templates import render, templates


def test_call_back_in_each_language() -> None:
    call_back = templates()["call_back"]
    values = {"caller": "Åsa Öberg", "number": "070-123 45 67", "time": "09:12"}
    assert render(call_back, "en", values) == "Åsa Öberg (070-123 45 67) called at 09:12, please call back."
    assert render(call_back, "sv", values) == "Åsa Öberg (070-123 45 67) ringde kl. 09:12, vänligen ring tillbaka."
    assert render(call_back, "nb", values).startswith("Åsa Öberg (070-123 45 67) ringte kl. 09:12")


def test_values_are_put_on_one_line_and_missing_ones_left_empty() -> None:
    text = render(templates()["call_back"], "en", {"caller": "Evil\r\nBcc: all@example.se"})
    assert text == "Evil Bcc: all@example.se () called at , please call back."


def test_configured_templates_add_and_override_by_language() -> None:
    merged = templates({"call_back": {"en": "Call {caller}"}, "lunch": {"sv": "{caller} ringde under lunchen"}})
    assert merged["call_back"].text_for("en") == "Call {caller}"
    assert merged["call_back"].text_for("sv").startswith("{caller} ({number}) ringde")
    assert merged["lunch"].text_for("nb") == "{caller} ringde under lunchen"  # no nb or en: the one there is


@pytest.mark.parametrize("text", ["{caller.__class__}", "{caller[0]}", "{secret}", "{caller!r}", "{time:>99}", "{"])
def test_templates_reaching_beyond_their_fields_are_refused(text: str) -> None:
    with pytest.raises(MessageError, match="template 'x'"):
        templates({"x": {"en": text}})
