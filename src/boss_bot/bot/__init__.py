"""Discord front end: the bot, its cogs, and how job results are shown."""
