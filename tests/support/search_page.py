"""A page yt-dlp's generic extractor reads a title and English subtitles from (search tests)."""

TITLE = "Building the Humber suspension bridge"
VTT = """WEBVTT

00:00:00.000 --> 00:00:04.000
Welcome to the estuary, where the towers rise.

00:00:35.000 --> 00:00:39.000
Concrete for the caissons came by barge.

00:01:10.000 --> 00:01:14.000
The cables were spun in place, wire by wire, over the water.
"""


def page(video: str, subtitles: str) -> str:
    """An HTML page with a title and a video with English subtitles."""
    return (
        f"<html><head><title>{TITLE}</title></head><body>"
        f'<video controls><source src="{video}" type="video/mp4">'
        f'<track kind="subtitles" src="{subtitles}" srclang="en" label="English"></video>'
        "</body></html>"
    )
