"""What runs inside a download child: yt-dlp and gallery-dl, and the address guard."""
