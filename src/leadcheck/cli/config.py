"""``leadcheck config``: the settings in force and where each one comes from."""

from __future__ import annotations

from leadcheck.cli.app import app
from leadcheck.cli.exitcodes import ExitCode
from leadcheck.cli.options import JsonOption


@app.command("config")
def config_command(json_output: JsonOption = False) -> int:
    """Show the settings in force (your time zone, hours, days off, output format, network)
    and where each comes from: the environment, the config file or the default."""
    from leadcheck.settings import load_settings

    settings = load_settings()
    if json_output:
        from leadcheck.cli.views.config import settings_json
        from leadcheck.cli.views.console import print_json

        print_json(settings_json(settings))
    else:
        from leadcheck.cli.views.config import show_settings

        show_settings(settings)
    return ExitCode.OK
