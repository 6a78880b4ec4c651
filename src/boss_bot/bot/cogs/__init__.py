"""Cogs: each parses commands, calls the core, and renders the answer."""
