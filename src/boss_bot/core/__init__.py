"""The core: jobs, queue, workers, storage. Never imports discord."""
