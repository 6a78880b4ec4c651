"""The distributed mode: the gateway hands jobs to download workers through saq on Redis.

The gateway (``bossbotctl run`` with ``BOSS_BOT_BROKER_URL``) keeps the fair queue, the
status messages and the records; it hands saq a job only when the workers have room
(``capacity``) and shows what the worker writes into the job's metadata (``watching``).
A worker (``bossbotctl worker``) runs the unchanged pipeline (``working``) and posts the
files itself. Nothing here imports discord: the bot layer supplies the poster.
"""
