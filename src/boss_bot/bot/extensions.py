"""The extensions (cogs) the bot loads at start, in order: errors first."""

EXTENSIONS = (
    "boss_bot.bot.cogs.errors",
    "boss_bot.bot.cogs.access",
    "boss_bot.bot.cogs.downloads",
    "boss_bot.bot.cogs.queue",
    "boss_bot.bot.cogs.admin",
    "boss_bot.bot.cogs.controls",
    "boss_bot.bot.cogs.info",
    "boss_bot.bot.cogs.menu",
    "boss_bot.bot.cogs.observe",
    "boss_bot.bot.cogs.lifecycle",
    "boss_bot.bot.cogs.settings",
    "boss_bot.bot.cogs.auto",
    "boss_bot.bot.cogs.search",
)
