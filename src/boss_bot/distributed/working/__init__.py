"""The worker's side: run the unchanged pipeline for saq and write its state for the gateway."""
