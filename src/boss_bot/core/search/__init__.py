"""Search over what a server's members shared: titles, post text, subtitles."""
