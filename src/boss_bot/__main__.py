"""``python -m boss_bot`` is ``bossbotctl``."""

from boss_bot.cli.app import main

main()
