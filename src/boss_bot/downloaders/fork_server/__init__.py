"""The download fork server: imports yt-dlp and gallery-dl once, forks one child per job."""
