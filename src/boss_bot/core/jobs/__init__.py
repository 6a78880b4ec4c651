"""One job's life: admitted, queued, run by a worker, recovered after a restart."""
