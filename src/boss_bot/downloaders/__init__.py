"""Downloaders behind one protocol: yt-dlp and gallery-dl, and URL routing."""
