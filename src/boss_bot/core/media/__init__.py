"""What a downloaded file is: its content type, the job's finished files, names fit to show.

``webp_frames`` runs as a child process of its own (``python -m``): nothing here imports it.
"""
