"""What a downloaded file is: its content type, the job's finished files, names fit to show."""
