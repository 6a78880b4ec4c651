"""The gateway's side: hand jobs to workers when they have room, and watch them run."""
