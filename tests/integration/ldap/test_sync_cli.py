"""`switchboard directory sync` against a real slapd, configured in TOML with the password from the environment."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import main
from tests.helpers.slapd import ROOT_DN, ROOT_PASSWORD, SUFFIX, Slapd
from tests.integration.ldap.conftest import PEOPLE

pytestmark = pytest.mark.integration


def write_config(tmp_path: Path, url: str) -> Path:
    config = tmp_path / "config.toml"
    config.write_text(f'[[directory.ldap]]\nname = "region"\nurls = ["ldap://127.0.0.1:1", "{url}"]\n'
                      f'base_dns = ["{SUFFIX}"]\nbind_dn = "{ROOT_DN}"\npassword = "env:SB_LDAP_PASSWORD"\n'
                      "page_size = 50\n", encoding="utf-8")
    return config


def test_sync_then_search(slapd: Slapd, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                          capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, slapd.url)
    monkeypatch.setenv("SB_LDAP_PASSWORD", ROOT_PASSWORD)
    assert main(["config", "check", "--config", str(config)]) == 0
    assert 'directory.ldap.0.name = "region"' in capsys.readouterr().out
    assert main(["directory", "--config", str(config), "sync", "--full"]) == 0
    out, err = capsys.readouterr()
    assert f"ldap:region ({slapd.url}, full): {PEOPLE} added, 0 updated, 0 removed" in out
    assert f"{PEOPLE} entries" in err
    assert main(["directory", "--config", str(config), "search", "person 00042", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["results"][0]["name"] == "Person 00042"
    assert result["results"][0]["source"] == "ldap:region"
    assert main(["directory", "--config", str(config), "sync"]) == 0
    assert "0 added, 0 updated, 0 removed" in capsys.readouterr().out


def test_sync_failures_name_the_reason_and_change_nothing(slapd: Slapd, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    config = write_config(tmp_path, slapd.url)
    assert main(["directory", "--config", str(config), "sync"]) == 2
    assert "environment variable SB_LDAP_PASSWORD is not set" in capsys.readouterr().err
    monkeypatch.setenv("SB_LDAP_PASSWORD", "wrong")
    assert main(["directory", "--config", str(config), "sync"]) == 1
    assert "the directory is unchanged" in capsys.readouterr().err
    assert main(["directory", "--config", str(config), "sync", "--source", "nope"]) == 2
    assert "no [[directory.ldap]] source named 'nope'" in capsys.readouterr().err


def test_the_switchboard_command_syncs_with_its_worker_processes(slapd: Slapd, tmp_path: Path) -> None:
    """As IT runs it: `python -m app` in its own process, whose sync workers (forkserver) import the
    main module again; that must not start a second command."""
    config = write_config(tmp_path, slapd.url)
    env = {**os.environ, "SB_LDAP_PASSWORD": ROOT_PASSWORD, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state")}
    done = subprocess.run([sys.executable, "-m", "app", "directory", "--config", str(config), "sync", "--full"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("ldap:region") == 1
    assert f"{PEOPLE} added, 0 updated, 0 removed" in done.stdout
