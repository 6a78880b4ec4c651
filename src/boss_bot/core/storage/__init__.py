"""The data directory: its paths, the job store, finished jobs' records, retention."""
