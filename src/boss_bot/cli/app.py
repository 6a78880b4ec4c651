"""``bossbotctl``: run the bot, download without Discord, check the setup, settings, cookies.

The only module that imports Typer. Settings are built here and passed down.
"""

import typer

from boss_bot.cli import _commands, _cookies, _current, _worker

app = typer.Typer(
    name="bossbotctl",
    help="Run and operate boss-bot, the Discord media download bot.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback(invoke_without_command=True)
def default(ctx: typer.Context) -> None:
    """Run the bot when no command is given."""
    if ctx.invoked_subcommand is None:
        _commands.run()


app.command("run")(_commands.run)
app.command("worker")(_worker.worker)
app.command("download")(_commands.download)
app.command("doctor")(_commands.doctor)
app.command("config")(_commands.show_config)
app.command("queue")(_commands.queue)
app.command("upgrade")(_current.upgrade)
app.command("selftest")(_current.selftest)
app.add_typer(_cookies.app, name="cookies")


def main() -> None:
    """Console-script entry point."""
    app()
