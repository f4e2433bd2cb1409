"""`switchboard config check` and `exchange config` on the exchange's TLS settings, in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from tests.helpers.certs import make_server_tls

SERVER = ('[exchange]\nnumbers = {"100" = "normal"}\n'
          '[exchange.operators.1000]\ntoken = "env:SB_T1000"\nsip_password = "env:SB_P1000"\n')


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_config_check_names_tls_settings_that_cannot_work(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text(f'[exchange]\nurl = "http://127.0.0.1:8090"\nca_file = "{tmp_path / "nowhere.pem"}"\n'
                      f'tls_certificate = "{tmp_path / "server.pem"}"\nevents_plain_listen = "0.0.0.0:8092"\n',
                      encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith(("error:", "warning:"))]
    assert f"error: {config}: exchange.tls_certificate: needs tls_key as well: set both (HTTPS and TLS) or " \
           "neither" in problems
    assert f"error: {config}: exchange.events_plain_listen: must be on loopback (127.0.0.1:PORT), not " \
           "'0.0.0.0': the event stream behind stunnel is unencrypted" in problems
    assert f"error: {config}: exchange.ca_file: no such file: {tmp_path / 'nowhere.pem'}" in problems
    assert f"error: {config}: exchange.tls_certificate: no such file: {tmp_path / 'server.pem'}" in problems
    assert f"warning: {config}: exchange.ca_file: only used with an https:// url; this console talks plain " \
           "HTTP to http://127.0.0.1:8090" in problems


def test_config_check_refuses_a_ca_file_that_holds_no_certificate(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    junk = tmp_path / "ca.pem"
    junk.write_text("not a certificate\n", encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(f'[exchange]\nurl = "https://queue.example:8090"\nca_file = "{junk}"\n', encoding="utf-8")
    code, out, _ = run(capsys, "config", "check", "--config", str(config))
    assert code == 1
    assert f"error: {config}: exchange.ca_file: CA file {junk} cannot be read as PEM certificates" in out


def test_exchange_config_renders_https_and_stunnel_for_the_event_stream(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SB_T1000", "token")
    monkeypatch.setenv("SB_P1000", "password")
    tls = make_server_tls(tmp_path / "tls")
    config = tmp_path / "c.toml"
    config.write_text(SERVER.replace("[exchange]\n", f'[exchange]\nrecords_url = "off"\ntls_certificate = '
                                     f'"{tls.cert}"\ntls_key = "{tls.key}"\n'), encoding="utf-8")
    code, cfg, _ = run(capsys, "exchange", "config", "--config", str(config))
    assert code == 0
    assert "listen=tls:127.0.0.1:8090" in cfg
    assert "listen=tcp:127.0.0.1:8090" not in cfg
    assert f'modparam("tls", "certificate", "{tls.cert}")' in cfg
    assert 'modparam("evapi", "bind_addr", "127.0.0.1:8092")' in cfg
    code, stunnel, _ = run(capsys, "exchange", "config", "--stunnel", "--config", str(config))
    assert code == 0
    assert "accept = 127.0.0.1:8091\nconnect = 127.0.0.1:8092\n" in stunnel
    assert f"cert = {tls.cert}\nkey = {tls.key}\n" in stunnel

    plain = tmp_path / "plain.toml"
    plain.write_text(SERVER.replace("[exchange]\n", '[exchange]\nrecords_url = "off"\n'), encoding="utf-8")
    code, cfg, _ = run(capsys, "exchange", "config", "--config", str(plain))
    assert code == 0
    assert "listen=tcp:127.0.0.1:8090" in cfg
    assert 'loadmodule "tls.so"' not in cfg
    assert 'modparam("evapi", "bind_addr", "127.0.0.1:8091")' in cfg
    code, _, err = run(capsys, "exchange", "config", "--stunnel", "--config", str(plain))
    assert code == 2
    assert "tls_certificate is not set" in err

    half = tmp_path / "half.toml"
    half.write_text(SERVER.replace("[exchange]\n", f'[exchange]\nrecords_url = "off"\ntls_certificate = '
                                   f'"{tls.cert}"\n'), encoding="utf-8")
    code, _, err = run(capsys, "exchange", "config", "--config", str(half))
    assert code == 2
    assert "[exchange] tls_certificate: needs tls_key as well" in err
