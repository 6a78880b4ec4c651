"""How $find, $ask and $forget look and whom they show what (the cog is ``cogs.search``)."""
