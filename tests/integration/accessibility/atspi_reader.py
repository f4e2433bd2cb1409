"""Reads the console through the accessibility bus, as a screen reader does; run by Debian's python3.

Not a test module: tests/integration/accessibility/test_atspi.py starts the console under Xvfb and runs
this with /usr/bin/python3 (python3-pyatspi is a Debian package, not in the venv). Prints one JSON object:
the interactive controls with no name, how many were seen, and the announcements heard.
"""

import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

APP_NAME = "Switchboard"
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "table", "list", "tree", "tree table",
               "text", "entry", "password text", "combo box", "spin button", "slider", "page tab", "menu item",
               "list item"}
# Children of tables and lists are rows and cells, named by their content: not controls of their own.
SKIP_UNDER = {"table", "list", "tree", "tree table", "menu bar", "menu"}


def find_app(deadline: float) -> Any:
    while time.monotonic() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name and APP_NAME.lower() in app.name.lower():
                return app
        time.sleep(0.5)
    return None


def walk(node: Any, found: dict[str, Any], parent_role: str = "") -> None:
    try:
        role, name, states = node.getRoleName(), node.name, node.getState()
    except Exception:  # a node can vanish while walking
        return
    if not states.contains(pyatspi.STATE_SHOWING):
        return
    if role in INTERACTIVE and parent_role not in SKIP_UNDER:
        found["controls"] += 1
        if not (name or "").strip():
            found["unnamed"].append(role)
    if role in SKIP_UNDER:
        return
    for child in node:
        if child is not None:
            walk(child, found, role)


def main() -> int:
    wait_s = float(sys.argv[1]) if len(sys.argv) > 1 else 90.0
    deadline = time.monotonic() + wait_s
    heard: list[dict[str, str]] = []
    loop = GLib.MainLoop()

    def on_event(event: Any) -> None:
        try:
            if event.source is not None and event.source.getApplication().name.lower() != APP_NAME.lower():
                return
        except Exception:
            return
        text = event.any_data if isinstance(event.any_data, str) else ""
        if event.type.startswith("object:announcement"):
            heard.append({"kind": "announcement", "text": text})
        elif event.type.startswith("object:property-change:accessible-name") and event.source.name:
            heard.append({"kind": "name", "text": event.source.name})  # the live status label's new text
        if any("caller waiting" in h["text"].lower() for h in heard):
            loop.quit()

    pyatspi.Registry.registerEventListener(on_event, "object:announcement", "object:property-change:accessible-name")
    app = find_app(deadline)
    if app is None:
        print(json.dumps({"error": "the console never appeared on the accessibility bus"}))
        return 1
    time.sleep(3)  # let the directory load and the docks settle
    found: dict[str, Any] = {"controls": 0, "unnamed": []}
    walk(app, found)
    GLib.timeout_add(int(max(deadline - time.monotonic(), 1) * 1000), loop.quit)
    if not any("caller waiting" in h["text"].lower() for h in heard):
        loop.run()
    print(json.dumps({**found, "heard": heard}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
